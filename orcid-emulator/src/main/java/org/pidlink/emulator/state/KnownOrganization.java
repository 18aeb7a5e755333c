package org.pidlink.emulator.state;

import java.util.Objects;
import java.util.Set;

/**
 * A row of ORCID's disambiguated-organization table: an affiliation's {@code disambiguated-organization} must name
 * one exactly, (identifier, source), or ORCID answers 400/9045 (orcid-api.md §11.3 step 6).
 *
 * @param source     {@code ROR}, {@code GRID}, {@code RINGGOLD}, {@code FUNDREF} or {@code LEI}
 * @param identifier in ORCID's stored form: {@code https://ror.org/05qwgg493}, {@code grid.455335.1},
 *                   {@code 385488}, {@code http://dx.doi.org/10.13039/100000001}, {@code 213800ZJZ6Y86H9A8I79}
 */
public record KnownOrganization(String source, String identifier, String name, String city, String region,
                                String country) {

    /** ORCID's {@code OrgDisambiguatedSourceType}s that affiliations may name. */
    public static final Set<String> SOURCES = Set.of("ROR", "GRID", "RINGGOLD", "FUNDREF", "LEI");

    public KnownOrganization {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(identifier, "identifier");
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + SOURCES + " (upper case), got " + source);
        }
        if (identifier.isBlank()) {
            throw new IllegalArgumentException("identifier is required");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
    }
}
