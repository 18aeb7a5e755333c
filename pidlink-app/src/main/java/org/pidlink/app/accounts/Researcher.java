package org.pidlink.app.accounts;

import java.time.Instant;

import org.pidlink.core.identifiers.OrcidId;

/**
 * A pidlink account: a researcher who signed in with ORCID, and her choices.
 *
 * @param id            the account's number
 * @param orcid         the iD she signed in with
 * @param name          her name as ORCID gave it at sign-in, or null
 * @param administrator whether she administers pidlink
 * @param autoUpdate    whether pidlink adds works it finds for her without asking
 * @param publicProfile whether her profile shows in public lookups
 * @param accessLevel   what pidlink may do with her iD
 */
public record Researcher(long id, OrcidId orcid, String name, boolean administrator, boolean autoUpdate,
                         boolean publicProfile, AccessLevel accessLevel, Instant createdAt, Instant lastSignInAt) {

    /** Her name, or her iD when ORCID gave no name. */
    public String displayName() {
        return name == null || name.isBlank() ? orcid.value() : name;
    }
}
