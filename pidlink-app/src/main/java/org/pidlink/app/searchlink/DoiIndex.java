package org.pidlink.app.searchlink;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.admin.TypeMappings;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.database.LargeText;
import org.pidlink.app.intake.RecordsStored;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.Person;
import org.pidlink.core.work.InvalidWorkException;
import org.pidlink.core.work.OrcidWork;
import org.pidlink.core.work.WorkMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DOIs a researcher can find: one row per DOI whose latest metadata ORCID may show, with the work mapped
 * from it (by the type mapping in force when it arrived). Searches are bounded: a minimum query length, a few
 * words, a row limit, and only parameters reach SQL.
 */
final class DoiIndex implements RecordsStored {

    /** Shorter queries would match most of the table. */
    static final int MIN_QUERY_LENGTH = 3;
    static final int MAX_RESULTS = 25;
    private static final int MAX_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final TypeMappings types;

    DoiIndex(DataSource dataSource, Clock clock, TypeMappings types) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.types = Objects.requireNonNull(types, "types");
    }

    /** A DOI as the search shows it, with the work a claim on it writes. */
    record IndexedDoi(Doi doi, String title, @Nullable Integer year, String creators, Set<String> orcids,
            WorkPayload work) {
    }

    @Override
    public void stored(List<DoiRecord> usable, List<Doi> gone) {
        storedWithWorks(usable.stream().map(r -> new Usable(r, null)).toList(), gone);
    }

    /** Intake's work of a record, when it gives one, is the work indexed: the record is not mapped again. */
    @Override
    public void storedWithWorks(List<Usable> usable, List<Doi> gone) {
        WorkMapper mapper = new WorkMapper(types.current(), WorkMapper.Settings.defaults());
        List<Doi> removed = new ArrayList<>(gone);
        List<Object[]> rows = new ArrayList<>(usable.size());
        Timestamp now = Timestamp.from(clock.instant());
        for (Usable item : usable) {
            DoiRecord record = item.record();
            if (item.work() != null) {
                TitleAndYear shown = TitleAndYear.of(item.work().json());
                if (shown != null) {
                    rows.add(new Object[] {record.doi().value(), shown.title(), shown.year(), creators(record),
                            pgArray(orcids(record)), LargeText.of(item.work().json()), item.work().canonicalHash(),
                            now});
                    continue;
                }
            }
            OrcidWork work;
            try {
                work = mapper.map(record);
            } catch (InvalidWorkException e) {
                // No work can be written for it (no title): nothing to claim either.
                removed.add(record.doi());
                continue;
            }
            // Mapped without a put-code: the canonical JSON is the work's JSON, serialized once.
            OrcidWork.Canonical canonical = work.canonical();
            rows.add(new Object[] {record.doi().value(), work.title().title(),
                    work.publicationDate() == null ? null : work.publicationDate().year(), creators(record),
                    pgArray(orcids(record)), LargeText.of(canonical.json()), canonical.hash(), now});
        }
        if (!rows.isEmpty()) {
            // One batch for a whole submission (a harvest page holds hundreds of records).
            batch.batchUpdate("""
                    INSERT INTO search_doi (doi, title, publication_year, creators, orcids, work_json, work_hash,
                                            updated_at)
                    VALUES (?, ?, ?, ?, ?::text[], convert_from(?, 'UTF8'), ?, ?)
                    ON CONFLICT (doi) DO UPDATE SET title = EXCLUDED.title,
                        publication_year = EXCLUDED.publication_year, creators = EXCLUDED.creators,
                        orcids = EXCLUDED.orcids, work_json = EXCLUDED.work_json, work_hash = EXCLUDED.work_hash,
                        updated_at = EXCLUDED.updated_at""", rows, new int[] {Types.VARCHAR, Types.VARCHAR,
                    Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARBINARY, Types.VARCHAR, Types.TIMESTAMP});
        }
        if (!removed.isEmpty()) {
            jdbc.sql("DELETE FROM search_doi WHERE doi = ANY(:dois::text[])")
                    .param("dois", pgArray(removed.stream().map(Doi::value).toList())).update();
        }
    }

    /**
     * The title and publication year of an ORCID work's JSON, read by streaming its top level (a large
     * collaboration's work is megabytes of contributors, skipped unread), or null when it has no title.
     */
    record TitleAndYear(String title, @Nullable Integer year) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        static @Nullable TitleAndYear of(String workJson) {
            String title = null;
            Integer year = null;
            try (JsonParser parser = JSON.createParser(workJson)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if ("title".equals(name) || "publication-date".equals(name)) {
                        JsonNode node = parser.readValueAsTree();
                        if ("title".equals(name)) {
                            title = node.path("title").path("value").isString()
                                    ? node.path("title").path("value").stringValue() : null;
                        } else if (node.path("year").path("value").isString()) {
                            year = Integer.valueOf(node.path("year").path("value").stringValue().strip());
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (JacksonException | NumberFormatException e) {
                return null;
            }
            return title == null ? null : new TitleAndYear(title, year);
        }
    }

    /** The indexed DOI, if its metadata may be shown. */
    Optional<IndexedDoi> find(Doi doi) {
        return jdbc.sql("SELECT * FROM search_doi WHERE doi = :doi").param("doi", doi.value())
                .query((rs, n) -> indexed(rs)).optional();
    }

    /**
     * DOIs matching {@code query}: the DOI itself when the query is one (in any spelling), else every title or
     * creator word starting with one of the query's words, best matches first, at most {@link #MAX_RESULTS}.
     *
     * @throws QueryTooShortException when the query is too short to search
     */
    List<IndexedDoi> search(String query) {
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.length() < MIN_QUERY_LENGTH) {
            throw new QueryTooShortException();
        }
        Optional<Doi> doi = Doi.tryParse(trimmed).toOptional();
        if (doi.isPresent()) {
            return find(doi.get()).stream().toList();
        }
        String words = prefixQuery(trimmed);
        if (words == null) {
            throw new QueryTooShortException();
        }
        return jdbc.sql("""
                SELECT * FROM search_doi WHERE words @@ to_tsquery('simple', :q)
                ORDER BY ts_rank(words, to_tsquery('simple', :q)) DESC, publication_year DESC NULLS LAST, doi
                LIMIT :limit""")
                .param("q", words).param("limit", MAX_RESULTS).query((rs, n) -> indexed(rs)).list();
    }

    /** Letters and digits only, so nothing the user typed is tsquery syntax: {@code word:* & other:*}. */
    static @Nullable String prefixQuery(String query) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query.toLowerCase(Locale.ROOT));
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(m.group());
        }
        if (String.join("", words).length() < MIN_QUERY_LENGTH) {
            return null;
        }
        return String.join(" & ", words.stream().map(w -> w + ":*").toList());
    }

    /** The query cannot be searched: too short once punctuation is left out. */
    static final class QueryTooShortException extends RuntimeException {
        QueryTooShortException() {
            super("type at least " + MIN_QUERY_LENGTH + " letters or digits: title words, a DOI or a creator's name");
        }
    }

    private static String creators(DoiRecord record) {
        List<String> names = new ArrayList<>();
        for (Person p : record.creators()) {
            String name = p.givenName() != null && p.familyName() != null ? p.givenName() + " " + p.familyName()
                    : p.name();
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return String.join("; ", names);
    }

    private static List<String> orcids(DoiRecord record) {
        Set<String> ids = new LinkedHashSet<>();
        for (List<Person> people : List.of(record.creators(), record.contributors())) {
            for (Person p : people) {
                if (p.orcid() != null) {
                    ids.add(p.orcid().value());
                }
            }
        }
        return List.copyOf(ids);
    }

    private static String pgArray(List<String> values) {
        // Values are DOIs and iDs; quoted and escaped so that a comma or quote in a DOI stays inside its element.
        // One builder for all of them: a record can name 10,000 researchers.
        StringBuilder out = new StringBuilder(2 + values.size() * 22).append('{');
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"');
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\\' || c == '"') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static IndexedDoi indexed(ResultSet rs) throws SQLException {
        Array orcids = rs.getArray("orcids");
        int year = rs.getInt("publication_year");
        Integer publicationYear = rs.wasNull() ? null : year;
        return new IndexedDoi(new Doi(rs.getString("doi")), rs.getString("title"), publicationYear,
                rs.getString("creators"),
                orcids == null ? Set.of() : Set.of((String[]) orcids.getArray()),
                new WorkPayload(rs.getString("work_json"), rs.getString("work_hash")));
    }
}
