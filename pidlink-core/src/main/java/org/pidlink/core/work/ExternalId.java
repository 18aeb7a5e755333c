package org.pidlink.core.work;

import java.util.Set;

/**
 * One of a work's {@code external-id}s.
 *
 * @param type         ORCID's external-id-type API name ({@code doi}, {@code issn}, {@code grant_number}, ...)
 * @param value        the identifier, not blank
 * @param url          a URL that resolves it, or null
 * @param relationship how it relates to the work
 */
public record ExternalId(String type, String value, String url, Relationship relationship) {

    /** ORCID accepts {@code funded-by} only with these types (error 9020 otherwise). */
    private static final Set<String> FUNDED_BY_TYPES = Set.of("grant_number", "proposal-id", "uri", "doi");

    public ExternalId {
        if (type == null || type.isBlank()) {
            throw new InvalidWorkException("external-id-type is empty (ORCID error 9023)");
        }
        if (value == null || value.isBlank()) {
            throw new InvalidWorkException("external-id-value of a " + type + " is empty (ORCID error 9023)");
        }
        if (relationship == null) {
            throw new InvalidWorkException("external-id " + type + " " + value
                    + " has no relationship (ORCID error 9023)");
        }
        if (relationship == Relationship.FUNDED_BY && !FUNDED_BY_TYPES.contains(type)) {
            throw new InvalidWorkException("funded-by is not allowed with type " + type + " (ORCID error 9020)");
        }
        if (url != null && !WorkRules.isAbsoluteUri(url)) {
            throw new InvalidWorkException("external-id-url is not an absolute URI: " + url);
        }
    }
}
