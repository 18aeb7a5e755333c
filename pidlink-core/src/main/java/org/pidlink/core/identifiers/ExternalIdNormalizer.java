package org.pidlink.core.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ORCID's {@code external-id-normalized} computation (orcid-api.md §5.5), which decides whether two works are
 * the same work: ORCID compares external ids by (type, normalized value), falling back to the raw value when
 * normalization yields nothing (§3.4). The emulator stores what ORCID would store; the push engine uses it to
 * recognise its own works.
 *
 * <p>Pipeline per type: the case step (lower-case the whole value unless the type is case-sensitive), then the
 * type's specific normalizer if it has one. Types ORCID does not know pass through verbatim, as in ORCID.
 */
public final class ExternalIdNormalizer {

    static final String TYPES_RESOURCE = "identifier-types-v3.csv";

    private final Map<String, IdentifierType> typesByApiName;
    private final Map<String, TypeSpecificNormalizer> specific;

    private ExternalIdNormalizer(List<IdentifierType> types) {
        Map<String, IdentifierType> byName = new LinkedHashMap<>();
        Map<String, TypeSpecificNormalizer> normalizers = new LinkedHashMap<>();
        for (IdentifierType type : types) {
            if (byName.putIfAbsent(type.apiName(), type) != null) {
                throw new IllegalArgumentException("duplicate identifier type " + type.apiName());
            }
            if (!type.normalizer().isEmpty()) {
                TypeSpecificNormalizer n = TypeSpecificNormalizer.byOrcidName(type.normalizer())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "unknown normalizer " + type.normalizer() + " for type " + type.apiName()));
                normalizers.put(type.apiName(), n);
            }
        }
        this.typesByApiName = Collections.unmodifiableMap(byName);
        this.specific = Collections.unmodifiableMap(normalizers);
    }

    /** ORCID's v3.0 identifier types, from the bundled copy of ORCID's {@code identifier_type} table. */
    public static ExternalIdNormalizer standard() {
        return Standard.INSTANCE;
    }

    /** A normalizer over the given types (tests, or a table refreshed from ORCID's {@code /v3.0/identifiers}). */
    public static ExternalIdNormalizer of(List<IdentifierType> types) {
        return new ExternalIdNormalizer(List.copyOf(types));
    }

    /**
     * The value ORCID stores as {@code external-id-normalized}. Returns {@code ""} when ORCID's normalizer yields
     * nothing (ORCID then reports error 8001 and compares raw values), {@code null} for a null value, and the
     * value unchanged for a type ORCID does not know.
     */
    public String normalize(String type, String value) {
        if (type == null || value == null) {
            return value;
        }
        IdentifierType known = typesByApiName.get(type);
        if (known == null) {
            return value;
        }
        // ORCID lower-cases with the JVM default locale; ROOT gives the same result outside Turkish locales.
        String cased = known.caseSensitive() ? value : value.toLowerCase(Locale.ROOT);
        TypeSpecificNormalizer n = specific.get(type);
        return n == null ? cased : n.normalize(type, cased);
    }

    /**
     * What ORCID compares for duplicate detection and grouping: the normalized value, or the raw value when
     * normalization yields nothing.
     */
    public String matchKey(String type, String value) {
        String normalized = normalize(type, value);
        return normalized == null || normalized.isEmpty() ? value : normalized;
    }

    /** Whether ORCID treats the two values of the same type as the same identifier. */
    public boolean sameIdentifier(String type, String value, String otherValue) {
        return Objects.equals(matchKey(type, value), matchKey(type, otherValue));
    }

    public boolean isKnownType(String type) {
        return type != null && typesByApiName.containsKey(type);
    }

    public Optional<IdentifierType> type(String apiName) {
        return apiName == null ? Optional.empty() : Optional.ofNullable(typesByApiName.get(apiName));
    }

    /** Every known type, in ORCID's table order. */
    public List<IdentifierType> types() {
        return List.copyOf(typesByApiName.values());
    }

    private static final class Standard {
        static final ExternalIdNormalizer INSTANCE = new ExternalIdNormalizer(loadBundledTypes());
    }

    static List<IdentifierType> loadBundledTypes() {
        try (InputStream in = ExternalIdNormalizer.class.getResourceAsStream(TYPES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TYPES_RESOURCE);
            }
            return parseTypes(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TYPES_RESOURCE, e);
        }
    }

    /**
     * Reads the CSV {@code db_id,db_name,api_type,resolution_prefix,case_sensitive,primary_use,deprecated,
     * type_specific_normalizer}. No field contains a comma or quotes, so a plain split is exact.
     */
    static List<IdentifierType> parseTypes(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (header == null || !header.startsWith("db_id,db_name,api_type,resolution_prefix,case_sensitive")) {
            throw new IllegalStateException("unexpected identifier-type header: " + header);
        }
        List<IdentifierType> types = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 8) {
                throw new IllegalStateException("identifier-type line " + lineNumber + " has " + f.length
                        + " fields, expected 8: " + line);
            }
            types.add(new IdentifierType(f[2], f[3], bool(f[4], lineNumber), f[1], f[5], bool(f[6], lineNumber), f[7]));
        }
        return types;
    }

    private static boolean bool(String s, int lineNumber) {
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException("identifier-type line " + lineNumber + ": not a boolean: " + s);
        };
    }
}
