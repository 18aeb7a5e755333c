package org.pidlink.app.affiliations;

/** Where an affiliation stands, as the administrators' table and the researcher's page say it. */
enum AffiliationStatus {
    PENDING_PERMISSION("pending permission"),
    LINK_SENT("link sent"),
    LINK_OPENED("link opened"),
    PERMISSION_DENIED("permission denied"),
    APPROVED("approved, waiting to be written"),
    WRITTEN("written"),
    UPDATED("updated"),
    REMOVED("removed"),
    REMOVED_BY_RESEARCHER("removed by the researcher on ORCID"),
    FAILED("failed");

    private final String label;

    AffiliationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
