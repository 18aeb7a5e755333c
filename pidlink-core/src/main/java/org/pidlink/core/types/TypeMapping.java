package org.pidlink.core.types;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.pidlink.core.metadata.ResourceType;
import org.pidlink.core.types.TypeMappingCsvException.LineError;

/**
 * Maps a DOI's resource type to an ORCID v3.0 work type, from a table administrators can replace.
 *
 * <p>Keys are {@code scheme:general} or {@code scheme:general/text}: the scheme is {@code datacite} or
 * {@code crossref}; {@code general} is DataCite's resourceTypeGeneral or Crossref's type id; {@code text} is
 * DataCite's free-text resourceType or Crossref's subtype. Everything after the first {@code /} is the text, so
 * {@code datacite:Text/Text/Report} means general {@code Text}, text {@code Text/Report}. Keys match ignoring
 * case, spaces and punctuation; a key with text wins over the bare key; no match gives {@code other}.
 *
 * <p>The CSV form has the header {@code source-type,orcid-type}, one mapping per line, optional
 * {@code #} comment lines and blank lines, and double quotes around a field that holds a comma or a quote.
 */
public final class TypeMapping {

    public static final String HEADER = "source-type,orcid-type";
    private static final String DEFAULT_RESOURCE = "default-type-mapping.csv";
    private static final int MAX_LINES = 10_000;
    private static final int MAX_LINE_LENGTH = 1_000;

    private static final TypeMapping DEFAULTS = loadDefaults();

    /** Keys as written, in file order, so an export reads like the upload. */
    private final Map<String, String> rows;
    private final Map<String, String> byMatchKey;

    private TypeMapping(Map<String, String> rows) {
        this.rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        Map<String, String> index = new HashMap<>();
        rows.forEach((key, type) -> index.put(matchKey(key), type));
        this.byMatchKey = index;
    }

    /** pidlink's built-in table (resource {@code org/pidlink/core/types/default-type-mapping.csv}). */
    public static TypeMapping defaults() {
        return DEFAULTS;
    }

    /**
     * Reads a whole replacement table. Every line is checked before anything is accepted.
     *
     * @throws TypeMappingCsvException naming each bad line when any line is wrong
     */
    public static TypeMapping parseCsv(Reader csv) {
        Objects.requireNonNull(csv, "csv");
        List<LineError> errors = new ArrayList<>();
        Map<String, String> rows = new LinkedHashMap<>();
        Map<String, Integer> lineOfMatchKey = new HashMap<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(csv)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (lineNumber > MAX_LINES) {
                    errors.add(new LineError(lineNumber, null, "too many lines (at most " + MAX_LINES + ")"));
                    break;
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (line.length() > MAX_LINE_LENGTH) {
                    errors.add(new LineError(lineNumber, line.substring(0, 80) + "…",
                            "line longer than " + MAX_LINE_LENGTH + " characters"));
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    if (!trimmed.replace(" ", "").equalsIgnoreCase(HEADER)) {
                        errors.add(new LineError(lineNumber, line,
                                "the first line must be the header \"" + HEADER + "\""));
                    }
                    continue;
                }
                parseRow(lineNumber, line, rows, lineOfMatchKey, errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!headerSeen) {
            errors.add(new LineError(0, null, "the file is empty: it needs the header \"" + HEADER
                    + "\" and at least one mapping"));
        } else if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(0, null, "the file has a header but no mappings"));
        }
        if (!errors.isEmpty()) {
            throw new TypeMappingCsvException(errors);
        }
        return new TypeMapping(rows);
    }

    private static void parseRow(int lineNumber, String line, Map<String, String> rows,
                                 Map<String, Integer> lineOfMatchKey, List<LineError> errors) {
        List<String> fields;
        try {
            fields = CsvLine.split(line);
        } catch (IllegalArgumentException e) {
            errors.add(new LineError(lineNumber, line, e.getMessage()));
            return;
        }
        if (fields.size() != 2) {
            errors.add(new LineError(lineNumber, line,
                    "expected 2 fields (source-type,orcid-type), found " + fields.size()));
            return;
        }
        String key = fields.get(0).strip();
        String orcidType = fields.get(1).strip();
        String keyProblem = keyProblem(key);
        if (keyProblem != null) {
            errors.add(new LineError(lineNumber, line, keyProblem));
        }
        if (!OrcidWorkTypes.isValid(orcidType)) {
            errors.add(new LineError(lineNumber, line, "\"" + orcidType + "\" is not an ORCID work type"
                    + suggestion(orcidType)));
        }
        if (keyProblem == null) {
            Integer earlier = lineOfMatchKey.putIfAbsent(matchKey(key), lineNumber);
            if (earlier != null) {
                errors.add(new LineError(lineNumber, line, "\"" + key + "\" is already mapped on line " + earlier));
            } else if (OrcidWorkTypes.isValid(orcidType)) {
                rows.put(key, orcidType);
            }
        }
    }

    private static String keyProblem(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return "\"" + key + "\" has no scheme: write datacite:<type> or crossref:<type>";
        }
        String scheme = key.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("datacite") && !scheme.equals("crossref")) {
            return "unknown scheme \"" + key.substring(0, colon) + "\": use datacite or crossref";
        }
        String rest = key.substring(colon + 1);
        int slash = rest.indexOf('/');
        String general = slash < 0 ? rest : rest.substring(0, slash);
        if (normalize(general).isEmpty()) {
            return "\"" + key + "\" has no type after \"" + scheme + ":\"";
        }
        if (slash >= 0 && normalize(rest.substring(slash + 1)).isEmpty()) {
            return "\"" + key + "\" has nothing after \"/\"";
        }
        return null;
    }

    private static String suggestion(String orcidType) {
        String wanted = normalize(orcidType);
        for (String valid : OrcidWorkTypes.all()) {
            if (normalize(valid).equals(wanted)) {
                return " (did you mean \"" + valid + "\"?)";
            }
        }
        return " (see ORCID's list of work types)";
    }

    /** The ORCID work type for a resource type; {@code other} when nothing matches. */
    public String orcidType(ResourceType resourceType) {
        if (resourceType == null || resourceType.scheme() == null || resourceType.general() == null) {
            return OrcidWorkTypes.OTHER;
        }
        String prefix = normalize(resourceType.scheme()) + ":" + normalize(resourceType.general());
        String text = resourceType.text() == null ? "" : normalize(resourceType.text());
        if (!text.isEmpty()) {
            String specific = byMatchKey.get(prefix + "/" + text);
            if (specific != null) {
                return specific;
            }
        }
        return byMatchKey.getOrDefault(prefix, OrcidWorkTypes.OTHER);
    }

    /** The table as rows, keys as written, in file order. */
    public Map<String, String> rows() {
        return rows;
    }

    /** The table as a CSV that {@link #parseCsv} accepts unchanged. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        csv.append("# pidlink type mapping: source-type (datacite:<resourceTypeGeneral>[/<resourceType>] or\n")
                .append("# crossref:<type>[/<subtype>]) to ORCID v3.0 work type. Unmatched types become \"other\".\n")
                .append(HEADER).append('\n');
        rows.forEach((key, type) -> csv.append(CsvLine.quote(key)).append(',').append(type).append('\n'));
        return csv.toString();
    }

    private static String matchKey(String key) {
        int colon = key.indexOf(':');
        String rest = key.substring(colon + 1);
        int slash = rest.indexOf('/');
        String scheme = normalize(key.substring(0, colon));
        if (slash < 0) {
            return scheme + ":" + normalize(rest);
        }
        return scheme + ":" + normalize(rest.substring(0, slash)) + "/" + normalize(rest.substring(slash + 1));
    }

    /** Lower case, letters and digits only: "Journal Article", "journal-article" and "JournalArticle" agree. */
    static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static TypeMapping loadDefaults() {
        try (InputStream in = TypeMapping.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parseCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeMapping other && rows.equals(other.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }
}
