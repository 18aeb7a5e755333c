package org.pidlink.orcid.client;

import java.util.Objects;

/**
 * An external identifier of a work or an affiliation, as ORCID returns it (and, with {@link #of}, as it is sent).
 *
 * @param type            API type name ({@code doi}, {@code isbn}, {@code grant_number}, …)
 * @param value           the value as submitted
 * @param normalizedValue ORCID's {@code external-id-normalized} value, or null when ORCID could not normalize it
 * @param url             {@code external-id-url}, or null
 * @param relationship    {@code self}, {@code part-of}, {@code version-of}, {@code funded-by}, or null
 */
public record ExternalId(String type, String value, String normalizedValue, String url, String relationship) {

    public ExternalId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** An id to send: ORCID computes the normalized value itself. */
    public static ExternalId of(String type, String value, String url, String relationship) {
        return new ExternalId(type, value, null, url, relationship);
    }

    /** A {@code self} id without URL, e.g. {@code ExternalId.self("source-work-id", "HR-4711")}. */
    public static ExternalId self(String type, String value) {
        return new ExternalId(type, value, null, null, "self");
    }

    /** The value ORCID compares for duplicates and grouping: the normalized one, else the raw one. */
    public String comparableValue() {
        return normalizedValue == null || normalizedValue.isEmpty() ? value : normalizedValue;
    }

    public boolean isSelf() {
        return "self".equals(relationship);
    }
}
