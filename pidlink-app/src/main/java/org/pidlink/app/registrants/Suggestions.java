package org.pidlink.app.registrants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Link suggestions: made once per registrant, DOI and iD, then decided by the registrant and closed by the metadata
 * it sends. Every new suggestion enters the delivery outbox in the same transaction.
 */
final class Suggestions {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String COLUMNS = """
            id, registrant_id, doi, orcid, reason, status, name_on_record, matched_name, matched_role, matched_position,
            match_score, provenance, authenticated, trust::text AS trust, claimed_at, created_at, updated_at, decided_at,
            added_at, reject_reason""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final Clock clock;

    Suggestions(JdbcClient jdbc, TransactionTemplate tx, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a new suggestion says. */
    record Draft(long registrantId, String doi, String orcid, SuggestionReason reason, @Nullable String nameOnRecord,
                 NameMatcher.Match match, Collection<String> provenance, boolean authenticated, @Nullable Trust trust,
                 @Nullable Instant claimedAt) {
    }

    /** Makes the suggestion unless it exists; a new one is queued for delivery. */
    Optional<Suggestion> create(Draft d) {
        return Objects.requireNonNull(tx.execute(status -> insert(d)));
    }

    private Optional<Suggestion> insert(Draft d) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO link_suggestion (registrant_id, doi, orcid, reason, status, name_on_record, matched_name,
                            matched_role, matched_position, match_score, provenance, authenticated, trust, claimed_at,
                            created_at, updated_at)
                        VALUES (:registrant, :doi, :orcid, :reason, 'OPEN', :name, :matchedName, :matchedRole,
                            :matchedPosition, :score, :provenance, :authenticated, :trust::jsonb, :claimedAt, :now, :now)
                        ON CONFLICT (registrant_id, doi, orcid) DO NOTHING RETURNING id""")
                .param("registrant", d.registrantId()).param("doi", d.doi()).param("orcid", d.orcid())
                .param("reason", d.reason().name()).param("name", d.nameOnRecord())
                .param("matchedName", d.match().name()).param("matchedRole", d.match().role())
                .param("matchedPosition", d.match().position()).param("score", d.match().score())
                .param("provenance", d.provenance().toArray(String[]::new)).param("authenticated", d.authenticated())
                .param("trust", d.trust() == null ? null : JSON.writeValueAsString(d.trust()))
                .param("claimedAt", d.claimedAt() == null ? null : Timestamp.from(d.claimedAt())).param("now", now)
                .query(Long.class).optional();
        Optional<Suggestion> created = id.flatMap(this::find);
        created.ifPresent(s -> outbox.enqueue(s, "suggestion.created"));
        return created;
    }

    boolean exists(long registrantId, String doi, String orcid) {
        return jdbc.sql("SELECT 1 FROM link_suggestion WHERE registrant_id = :r AND doi = :doi AND orcid = :orcid")
                .param("r", registrantId).param("doi", doi).param("orcid", orcid).query(Integer.class).optional()
                .isPresent();
    }

    /** The metadata just received carries these iDs: open or accepted claims of them are added. */
    int metadataCarries(long registrantId, String doi, Collection<String> orcids) {
        if (orcids.isEmpty()) {
            return 0;
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        UPDATE link_suggestion SET status = 'ADDED_TO_METADATA', added_at = :now, updated_at = :now
                        WHERE registrant_id = :r AND doi = :doi AND orcid = ANY(:orcids) AND reason = 'CLAIMED'
                          AND status IN ('OPEN', 'ACCEPTED')""")
                .param("now", now).param("r", registrantId).param("doi", doi)
                .param("orcids", orcids.toArray(String[]::new)).update();
    }

    /** An iD in the registrant's metadata is broken: the metadata names the person, so it is shown in any case. */
    void brokenIdInMetadata(long registrantId, String doi, String value, SuggestionReason reason,
                            @Nullable MetadataPerson person) {
        NameMatcher.Match match = person == null ? NameMatcher.Match.NONE
                : new NameMatcher.Match(person.name(), person.role(), person.position(), 1.0);
        create(new Draft(registrantId, doi, value, reason, null, match, List.of(), false, null, null));
    }

    /** The researcher no longer claims the DOI: an undecided suggestion is withdrawn. */
    void withdraw(long registrantId, String doi, String orcid) {
        jdbc.sql("""
                        UPDATE link_suggestion SET status = 'WITHDRAWN', updated_at = :now
                        WHERE registrant_id = :r AND doi = :doi AND orcid = :orcid AND status = 'OPEN'""")
                .param("now", Timestamp.from(clock.instant())).param("r", registrantId).param("doi", doi)
                .param("orcid", orcid).update();
    }

    Optional<Suggestion> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM link_suggestion WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Which suggestions a registrant asks for; null fields do not filter. */
    record Filter(List<String> prefixes, @Nullable SuggestionStatus status, @Nullable Instant since,
                  @Nullable Instant until) {
    }

    List<Suggestion> page(long registrantId, Filter filter, int offset, int limit) {
        return query(registrantId, filter, " ORDER BY created_at, id OFFSET :offset LIMIT :limit")
                .param("offset", offset).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    long count(long registrantId, Filter filter) {
        return jdbc.sql("SELECT count(*) FROM link_suggestion WHERE " + where(filter))
                .params(params(registrantId, filter)).query(Long.class).single();
    }

    /** Every suggestion the filter selects, one at a time (exports of any size). */
    void each(long registrantId, Filter filter, Consumer<Suggestion> sink) {
        query(registrantId, filter, " ORDER BY created_at, id").query(rs -> {
            sink.accept(map(rs));
        });
    }

    /** What became of a decision. */
    enum Decided { DONE, UNKNOWN, CLOSED }

    Decided decide(long registrantId, long id, SuggestionStatus decision, @Nullable String reason) {
        int changed = jdbc.sql("""
                        UPDATE link_suggestion SET status = :status, reject_reason = :reason, decided_at = :now,
                            updated_at = :now
                        WHERE registrant_id = :r AND id = :id AND status IN ('OPEN', 'ACCEPTED', 'REJECTED')""")
                .param("status", decision.name()).param("reason", reason)
                .param("now", Timestamp.from(clock.instant())).param("r", registrantId).param("id", id).update();
        if (changed == 1) {
            return Decided.DONE;
        }
        return find(id).filter(s -> s.registrantId() == registrantId).isPresent() ? Decided.CLOSED : Decided.UNKNOWN;
    }

    /** A registrant told about one of a researcher's links, as her profile lists it. */
    record Told(String registrant, String doi, SuggestionReason reason, SuggestionStatus status, Instant toldAt) {
        public String statusText() {
            // The reason for a rejection is the registrant's own: the researcher sees only that it was declined.
            return status.text();
        }
    }

    List<Told> toldAbout(String orcid) {
        return jdbc.sql("""
                        SELECT r.name, s.doi, s.reason, s.status, s.created_at FROM link_suggestion s
                        JOIN registrant r ON r.id = s.registrant_id WHERE s.orcid = :orcid ORDER BY s.created_at DESC""")
                .param("orcid", orcid)
                .query((rs, n) -> new Told(rs.getString(1), rs.getString(2), SuggestionReason.valueOf(rs.getString(3)),
                        SuggestionStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Counts per status for one registrant, for the admin page. */
    java.util.Map<SuggestionStatus, Long> counts(long registrantId) {
        java.util.Map<SuggestionStatus, Long> counts = new java.util.EnumMap<>(SuggestionStatus.class);
        jdbc.sql("SELECT status, count(*) FROM link_suggestion WHERE registrant_id = :r GROUP BY status")
                .param("r", registrantId).query(rs -> {
                    counts.put(SuggestionStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    private JdbcClient.StatementSpec query(long registrantId, Filter filter, String tail) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM link_suggestion WHERE " + where(filter) + tail)
                .params(params(registrantId, filter));
    }

    private static String where(Filter filter) {
        List<String> conditions = new ArrayList<>(List.of("registrant_id = :r", "doi LIKE ANY(:patterns)"));
        if (filter.status() != null) {
            conditions.add("status = :status");
        }
        if (filter.since() != null) {
            conditions.add("created_at >= :since");
        }
        if (filter.until() != null) {
            conditions.add("created_at < :until");
        }
        return String.join(" AND ", conditions);
    }

    private static java.util.Map<String, Object> params(long registrantId, Filter filter) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("r", registrantId);
        params.put("patterns", filter.prefixes().stream().map(p -> p + "/%").toArray(String[]::new));
        if (filter.status() != null) {
            params.put("status", filter.status().name());
        }
        if (filter.since() != null) {
            params.put("since", Timestamp.from(filter.since()));
        }
        if (filter.until() != null) {
            params.put("until", Timestamp.from(filter.until()));
        }
        return params;
    }

    private static Suggestion map(ResultSet rs) throws SQLException {
        String matchedName = rs.getString("matched_name");
        int position = rs.getInt("matched_position");
        Integer matchedPosition = rs.wasNull() ? null : position;
        NameMatcher.Match match = matchedName == null ? NameMatcher.Match.NONE
                : new NameMatcher.Match(matchedName, rs.getString("matched_role"), matchedPosition,
                        rs.getDouble("match_score"));
        String trust = rs.getString("trust");
        return new Suggestion(rs.getLong("id"), rs.getLong("registrant_id"), rs.getString("doi"), rs.getString("orcid"),
                SuggestionReason.valueOf(rs.getString("reason")), SuggestionStatus.valueOf(rs.getString("status")),
                rs.getString("name_on_record"), Suggestion.NameMatch.of(match),
                Arrays.asList((String[]) rs.getArray("provenance").getArray()), rs.getBoolean("authenticated"),
                trust == null ? null : JSON.readValue(trust, Trust.class), instant(rs, "claimed_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "decided_at"),
                instant(rs, "added_at"), rs.getString("reject_reason"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
