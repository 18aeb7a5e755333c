package org.pidlink.app.claims;

/** Who asserted that a researcher authored a DOI. A claim keeps every source that asserted it. */
public enum Provenance {
    /** The DOI's metadata names the researcher's ORCID iD (DataCite/Crossref auto-update). */
    AUTO_UPDATE,
    /** The researcher found the DOI in pidlink's search and linked it. */
    SEARCH_AND_LINK,
    /** Imported in bulk (a file or an institution's list). */
    IMPORT,
    /** An administrator asserted it. */
    ADMIN
}
