package org.pidlink.app.registrants;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A data centre or publisher that pidlink tells about links to its DOIs.
 *
 * @param prefixes         the DOI prefixes it owns ({@code 10.5072})
 * @param dataciteClientId its DataCite repository id ({@code ABC.XYZ}), for data centres
 * @param webhookUrl       where suggestions are POSTed, or null
 * @param apiKeyId         its active API key, or null
 */
public record Registrant(long id, String name, RegistrantKind kind, @Nullable String dataciteClientId,
                         List<String> prefixes, @Nullable String webhookUrl, @Nullable Long apiKeyId,
                         @Nullable String createdBy, Instant createdAt) {

    public Registrant {
        prefixes = List.copyOf(prefixes);
    }

    /** The name its API key's caller carries (the key's source). */
    public String keySource() {
        return source(id);
    }

    static String source(long id) {
        return "registrant-" + id;
    }

    /** Whether {@code doi} lies under one of its prefixes. */
    boolean owns(String doi) {
        int slash = doi.indexOf('/');
        return slash > 0 && prefixes.contains(doi.substring(0, slash));
    }
}
