package org.pidlink.app.admin;

import java.time.Instant;
import java.util.List;

import org.pidlink.core.types.TypeMapping;
import org.pidlink.core.types.TypeMappingCsvException.LineError;

/**
 * The type mapping in force and where it came from.
 *
 * @param version        grows with every replacement or reset; 0 while nobody has changed the defaults
 * @param mapping        the mapping pidlink uses
 * @param csv            the CSV to download: the file as uploaded, or the built-in defaults
 * @param builtIn        true when {@link #mapping} is pidlink's built-in table
 * @param replacedBy     who last replaced or reset it (an ORCID iD), or null when nobody has
 * @param replacedAt     when, or null
 * @param storedProblems why the stored upload is no longer accepted (a later pidlink dropped an ORCID type), so the
 *                       defaults are used instead; empty otherwise
 */
public record StoredTypeMapping(long version, TypeMapping mapping, String csv, boolean builtIn, String replacedBy,
                                Instant replacedAt, List<LineError> storedProblems) {

    public StoredTypeMapping {
        storedProblems = List.copyOf(storedProblems);
    }
}
