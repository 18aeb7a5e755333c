package org.pidlink.emulator.control;

/** A researcher as the control API shows it. */
public record ResearcherInfo(String orcid, String uri, String givenNames, String familyName, String creditName,
                             String email, String state, String primaryOrcid, String defaultVisibility,
                             int works, int affiliations) {
}
