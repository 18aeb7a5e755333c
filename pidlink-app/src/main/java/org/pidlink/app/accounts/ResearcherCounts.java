package org.pidlink.app.accounts;

/**
 * @param signedIn   researchers who ever signed in
 * @param connected  researchers holding an active permission to update their record
 * @param autoUpdate connected researchers who have auto-update on (and its permission)
 */
public record ResearcherCounts(long signedIn, long connected, long autoUpdate) {
}
