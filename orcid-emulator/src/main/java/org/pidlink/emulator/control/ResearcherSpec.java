package org.pidlink.emulator.control;

/**
 * {@code POST /_emulator/researchers} body. Only givenNames is required; orcid is generated when null,
 * defaultVisibility defaults to public.
 */
public record ResearcherSpec(String givenNames, String familyName, String email, String password,
                             String creditName, String orcid, String defaultVisibility) {

    public static ResearcherSpec of(String givenNames, String familyName) {
        return new ResearcherSpec(givenNames, familyName, null, null, null, null, null);
    }

    public ResearcherSpec withEmail(String e) {
        return new ResearcherSpec(givenNames, familyName, e, password, creditName, orcid, defaultVisibility);
    }

    public ResearcherSpec withPassword(String p) {
        return new ResearcherSpec(givenNames, familyName, email, p, creditName, orcid, defaultVisibility);
    }

    public ResearcherSpec withOrcid(String id) {
        return new ResearcherSpec(givenNames, familyName, email, password, creditName, id, defaultVisibility);
    }

    public ResearcherSpec withDefaultVisibility(String v) {
        return new ResearcherSpec(givenNames, familyName, email, password, creditName, orcid, v);
    }
}
