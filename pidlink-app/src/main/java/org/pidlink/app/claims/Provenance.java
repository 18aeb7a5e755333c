package org.pidlink.app.claims;

import java.util.EnumSet;
import java.util.Set;

/** Who asserted that a researcher authored a DOI. A claim keeps every source that asserted it. */
public enum Provenance {
    /** The DOI's metadata names the researcher's ORCID iD (DataCite/Crossref auto-update). */
    AUTO_UPDATE,
    /** The researcher found the DOI in pidlink's search and linked it. */
    SEARCH_AND_LINK,
    /** Imported in bulk (a file or an institution's list). */
    IMPORT,
    /** An administrator asserted it. */
    ADMIN;

    /** The provenances named, e.g. from the {@code claim.provenance} column. */
    public static Set<Provenance> setOf(String... names) {
        Set<Provenance> set = EnumSet.noneOf(Provenance.class);
        for (String name : names) {
            set.add(valueOf(name));
        }
        return set;
    }
}
