package org.pidlink.app.claims;

/**
 * Where a claim stands, in words a researcher understands. The reason beside the status (and ORCID's own
 * message for failures) says why.
 */
public enum ClaimStatus {
    PENDING("Pending", "Received, not yet examined."),
    QUEUED("Queued", "Will be written to ORCID shortly."),
    IN_ORCID("In ORCID", "The work is on the researcher's ORCID record."),
    UNCHANGED("In ORCID, unchanged", "The metadata did not change since the last write: nothing to write."),
    WAITING_FOR_PERMISSION("Waiting for permission",
            "pidlink may not write to this ORCID record yet (not connected, or auto-update is off)."),
    PERMISSION_REVOKED("Paused: permission revoked",
            "The researcher revoked pidlink's access on ORCID; nothing is written until it is granted again."),
    REMOVED_BY_RESEARCHER("Removed by the researcher on ORCID",
            "The researcher deleted the work on ORCID; pidlink will not add it again unless asked to."),
    FAILED_WILL_RETRY("Failed, will retry", "ORCID could not be reached or answered with an error; retrying."),
    FAILED_PERMANENTLY("Failed", "ORCID refused the work; see ORCID's message."),
    DELETED_FROM_ORCID("Deleted from ORCID", "The work was removed from the ORCID record."),
    RECORD_FULL("Not written: your ORCID record is full",
            "ORCID keeps at most 10,000 works on a record; this one is written when room appears.");

    private final String label;
    private final String description;

    ClaimStatus(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** Short text for a researcher, e.g. "Failed, will retry". */
    public String label() {
        return label;
    }

    /** One sentence explaining the status. */
    public String description() {
        return description;
    }

    /** The work is (or should still be) on the ORCID record. */
    public boolean inOrcid() {
        return this == IN_ORCID || this == UNCHANGED;
    }
}
