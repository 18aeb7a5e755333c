package org.pidlink.app.claims;

/**
 * Where a claim stands, in words a researcher understands. The reason beside the status (and ORCID's own
 * message for failures) says why.
 */
public enum ClaimStatus {
    // One constant per line, each with its one sentence to the researcher (reviewed side by side on her profile).
    PENDING("Pending", "pidlink received the link and has not looked at it yet."),
    QUEUED("Queued", "pidlink writes this change to your ORCID record in a moment."),
    IN_ORCID("In ORCID", "The work is on your ORCID record."),
    UNCHANGED("In ORCID, unchanged", "The work is on your ORCID record and its metadata has not changed since pidlink wrote it."),
    WAITING_FOR_PERMISSION("Waiting for permission", "pidlink may not make this change to your ORCID record yet; it makes it as soon as you allow it."),
    PERMISSION_REVOKED("Paused: permission revoked", "You revoked pidlink's permission on ORCID; pidlink changes nothing on your record until you grant it again."),
    REMOVED_BY_RESEARCHER("Removed by the researcher on ORCID", "You deleted the work on ORCID; pidlink will not add it again unless you put it back."),
    FAILED_WILL_RETRY("Failed, will retry", "ORCID could not be reached or answered with an error; pidlink tries again later."),
    FAILED_PERMANENTLY("Failed", "ORCID refused the work; what ORCID said is shown beside it, and an administrator can retry."),
    DELETED_FROM_ORCID("Deleted from ORCID", "pidlink removed the work from your ORCID record, or never wrote it there."),
    AWAITING_REVIEW("Awaiting your review", "pidlink found this work for you and adds it to your ORCID record only once you approve it."),
    DISMISSED("Dismissed", "You dismissed this work; pidlink never proposes it again unless you bring it back."),
    RECORD_FULL("Not written: your ORCID record is full", "pidlink writes this work as soon as your ORCID record has room for it (ORCID keeps at most 10,000 works on a record)."),
    FILTERED("Not sent: filtered", "A filter keeps this work off your ORCID record (the reason beside it says which one); pidlink sends it as soon as the filter lets it through.");

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

    /** The one sentence explaining the status to the researcher, in the second person. */
    public String description() {
        return description;
    }

    /** The work is (or should still be) on the ORCID record. */
    public boolean inOrcid() {
        return this == IN_ORCID || this == UNCHANGED;
    }
}
