package org.pidlink.emulator.affiliations;

/**
 * ORCID's seven affiliation kinds (orcid-api.md §11.1). They share one XSD type ({@code common:affiliation}), one
 * validator and one table on ORCID; the kind decides the path, the XML root element and its namespace, the section
 * of {@code activities-summary}, and which organization rules apply (§11.3).
 */
public enum AffiliationKind {
    EMPLOYMENT("employment", "employments"),
    EDUCATION("education", "educations"),
    QUALIFICATION("qualification", "qualifications"),
    INVITED_POSITION("invited-position", "invited-positions"),
    DISTINCTION("distinction", "distinctions"),
    MEMBERSHIP("membership", "memberships"),
    SERVICE("service", "services");

    private final String value;
    private final String section;

    AffiliationKind(String value, String section) {
        this.value = value;
        this.section = section;
    }

    /** ORCID's name: the item path segment and the XML root element ({@code invited-position}). */
    public String value() {
        return value;
    }

    /** The list path segment and the {@code activities-summary} key ({@code invited-positions}). */
    public String section() {
        return section;
    }

    /** The summary element ({@code employment-summary}). */
    public String summaryElement() {
        return value + "-summary";
    }

    /** The XML namespace of the kind's root elements. */
    public String namespace() {
        return "http://www.orcid.org/ns/" + value;
    }

    /**
     * Employment and education need a disambiguated organization and a city and country (9045, 9060); the other
     * five, ORCID's "professional activities", need an organization id or an external id (9062), and a country
     * when a city or region is given (9061).
     */
    public boolean requiresDisambiguatedOrganization() {
        return this == EMPLOYMENT || this == EDUCATION;
    }

    /** The kind whose {@link #value()} is {@code value}, or null. */
    public static AffiliationKind of(String value) {
        for (AffiliationKind k : values()) {
            if (k.value.equals(value)) {
                return k;
            }
        }
        return null;
    }
}
