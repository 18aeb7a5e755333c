package org.pidlink.core.work;

import java.util.Set;

/**
 * A work's citation.
 *
 * @param type  ORCID's citation type ({@code bibtex} is the one ORCID prefers and the one pidlink writes)
 * @param value the citation text, not blank
 */
public record Citation(String type, String value) {

    public static final String BIBTEX = "bibtex";

    private static final Set<String> TYPES = Set.of("bibtex", "formatted-apa", "formatted-chicago",
            "formatted-harvard", "formatted-ieee", "formatted-mla", "formatted-vancouver",
            "formatted-unspecified", "ris");

    public Citation {
        if (!TYPES.contains(type)) {
            throw new InvalidWorkException("unknown citation-type \"" + type + "\" (ORCID error 9037)");
        }
        if (value == null || value.isBlank()) {
            throw new InvalidWorkException("citation-value is empty (ORCID error 9020)");
        }
    }

    public static Citation bibtex(String value) {
        return new Citation(BIBTEX, value);
    }
}
