package org.pidlink.app.accounts;

/** What the researcher lets pidlink do with her iD, as in Symplectic Elements. */
public enum AccessLevel {
    /** Read her ORCID record and write works to it. */
    READ_WRITE("Read and write", "pidlink reads your ORCID record and adds, updates and removes the works it finds for you."),
    /** Read her ORCID record, never write to it. */
    READ_ONLY("Read only", "pidlink reads your ORCID record to show what is already there, but never changes it."),
    /** Neither read nor write: only match DOIs to her by her iD. */
    MATCH_ONLY("Only match works to me", "pidlink matches works to you by your iD but neither reads nor changes your ORCID record.");

    private final String label;
    private final String description;

    AccessLevel(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public boolean mayWrite() {
        return this == READ_WRITE;
    }

    public boolean mayRead() {
        return this != MATCH_ONLY;
    }
}
