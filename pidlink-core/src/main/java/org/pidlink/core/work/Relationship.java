package org.pidlink.core.work;

/** How an external identifier relates to the work (ORCID's {@code external-id-relationship}). */
public enum Relationship {
    /** The identifier is the work's own; ORCID groups and de-duplicates on these. */
    SELF("self"),
    /** The identifier is of a container the work is part of (a journal's ISSN, a book's ISBN); never groups. */
    PART_OF("part-of"),
    /** The identifier is of another version of the work; groups versions together. */
    VERSION_OF("version-of"),
    /** The identifier is of a grant that funded the work; never groups. */
    FUNDED_BY("funded-by");

    private final String value;

    Relationship(String value) {
        this.value = value;
    }

    /** The spelling ORCID uses in XML and JSON. */
    public String value() {
        return value;
    }
}
