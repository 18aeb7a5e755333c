package org.pidlink.core.metadata.support;

import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.InvalidIdentifierException;
import org.pidlink.core.metadata.MetadataReadException;

/** The record's own DOI, which every record must have. */
public final class Dois {

    private Dois() {
    }

    /** @throws MetadataReadException at {@code location} when the value is missing or not a DOI */
    public static Doi require(String value, String location) {
        if (Texts.isBlank(value)) {
            throw new MetadataReadException(location, "the record has no DOI");
        }
        try {
            return Doi.parse(value);
        } catch (InvalidIdentifierException e) {
            throw new MetadataReadException(location, "the record's DOI \"" + value + "\" is not valid: " + e.reason());
        }
    }
}
