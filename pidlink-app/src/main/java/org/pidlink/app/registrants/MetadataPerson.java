package org.pidlink.app.registrants;

import org.jspecify.annotations.Nullable;

/**
 * A creator or contributor named in a registrant DOI's latest metadata.
 *
 * @param role     {@code creator} or {@code contributor}
 * @param position 0-based among the creators, or among the contributors
 * @param orcid    the valid iD given for the person, or null
 */
record MetadataPerson(String name, String role, int position, @Nullable String orcid) {
}
