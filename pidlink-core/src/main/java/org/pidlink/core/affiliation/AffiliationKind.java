package org.pidlink.core.affiliation;

import java.util.Locale;
import java.util.Optional;

/**
 * ORCID's seven affiliation kinds (orcid-api.md §11.1): each has its own path ({@code /employment}), list
 * ({@code /employments}), XML namespace and section of {@code activities-summary}; all share one document shape
 * ({@code common:affiliation}). Shared by the ORCID client and the emulator.
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

    /** ORCID's name: the item path ({@code /invited-position}) and the inbox item type. */
    public String value() {
        return value;
    }

    /** The list path and {@code activities-summary} key ({@code invited-positions}). */
    public String section() {
        return section;
    }

    /** The key of one summary in a list, and its XML element ({@code employment-summary}). */
    public String summaryKey() {
        return value + "-summary";
    }

    /** The XML namespace of the kind's elements ({@code http://www.orcid.org/ns/employment}). */
    public String namespace() {
        return "http://www.orcid.org/ns/" + value;
    }

    /**
     * Employment and education need a disambiguated organization (9045) and a city and country (9060); the five
     * others ("professional activities") need an organization id or an external id (9062), and a country when a
     * city or region is given (9061). ORCID changed these rules in 2025.
     */
    public boolean requiresDisambiguatedOrganization() {
        return this == EMPLOYMENT || this == EDUCATION;
    }

    /** The kind with ORCID's name {@code value} ({@code invited-position}). */
    public static AffiliationKind fromValue(String value) {
        for (AffiliationKind k : values()) {
            if (k.value.equals(value)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not an ORCID affiliation kind: " + value);
    }

    /**
     * The kind a person or a spreadsheet means: ORCID's name in any case, with {@code _} or spaces for {@code -}
     * ({@code Invited position}, {@code INVITED_POSITION}), or the plural; empty when none matches.
     */
    public static Optional<AffiliationKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (AffiliationKind k : values()) {
            if (k.value.equals(t) || k.section.equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
