/**
 * Search &amp; Link: a signed-in researcher searches the DOIs pidlink has read (title words, a DOI in any spelling,
 * a creator's name) and claims the ones she authored, by hand. A claim is asserted with provenance
 * {@link org.pidlink.app.claims.Provenance#SEARCH_AND_LINK} on the {@code search-link} registration, so the push
 * engine writes it once she granted that permission; unclaiming withdraws only that provenance.
 *
 * <p>{@link org.pidlink.app.searchlink.DoiIndex} keeps its own searchable table, fed by intake through
 * {@link org.pidlink.app.intake.RecordsStored}: title, year, creators and the work mapped from the metadata.
 */
@NullMarked
package org.pidlink.app.searchlink;

import org.jspecify.annotations.NullMarked;
