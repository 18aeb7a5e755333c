package org.pidlink.app.claims;

/** A claim whose work pidlink wrote to the researcher's ORCID record, as reconciliation compares it with the record. */
public record WrittenClaim(long id, String doi, String registrationId, long putCode) {
}
