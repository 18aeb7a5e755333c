package org.pidlink.app.affiliations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code affiliation} and {@code affiliation_person} tables. Callers bring the transaction. */
final class AffiliationStore {

    private static final String SELECT = """
            SELECT a.id, a.local_key, a.person_id, p.orcid, p.email, p.name, p.local_person_id, a.source, a.kind,
                   a.fields, a.content_hash, a.decision, a.wanted, a.state, a.put_code, a.written_hash,
                   a.create_started_at, a.action, a.due_at, a.attempts, a.message, a.updated_at, p.link_sent_at,
                   p.link_opened_at
            FROM affiliation a JOIN affiliation_person p ON p.id = a.person_id
            """;
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    AffiliationStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Creates the person or refreshes what the institution says of her; answers her id. */
    long person(AffiliationRow.Person person, Instant now) {
        return jdbc.sql("""
                        INSERT INTO affiliation_person (person_key, orcid, email, name, local_person_id, created_at, updated_at)
                        VALUES (:key, :orcid, :email, :name, :localId, :now, :now)
                        ON CONFLICT (person_key) DO UPDATE SET
                            orcid = coalesce(excluded.orcid, affiliation_person.orcid),
                            email = coalesce(excluded.email, affiliation_person.email),
                            name = coalesce(excluded.name, affiliation_person.name),
                            updated_at = CASE WHEN (affiliation_person.orcid, affiliation_person.email, affiliation_person.name)
                                IS NOT DISTINCT FROM (coalesce(excluded.orcid, affiliation_person.orcid),
                                    coalesce(excluded.email, affiliation_person.email),
                                    coalesce(excluded.name, affiliation_person.name))
                                THEN affiliation_person.updated_at ELSE excluded.updated_at END
                        RETURNING id""")
                .param("key", person.key()).param("orcid", person.orcid() == null ? null : person.orcid().value())
                .param("email", person.email()).param("name", person.name()).param("localId", person.localPersonId())
                .param("now", ts(now)).query(Long.class).single();
    }

    Optional<StoredAffiliation> byLocalKey(String localKey) {
        return jdbc.sql(SELECT + " WHERE a.local_key = :key").param("key", localKey).query(this::map).optional();
    }

    Optional<StoredAffiliation> byId(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id).query(this::map).optional();
    }

    /** Locks the row for the caller's transaction. */
    Optional<StoredAffiliation> lock(long id) {
        jdbc.sql("SELECT id FROM affiliation WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return byId(id);
    }

    List<StoredAffiliation> all() {
        return jdbc.sql(SELECT + " ORDER BY a.updated_at DESC, a.id DESC").query(this::map).list();
    }

    /** The {@code limit} rows changed last (the page; the CSV export has them all). */
    List<StoredAffiliation> latest(int limit) {
        return jdbc.sql(SELECT + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit").param("limit", limit)
                .query(this::map).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM affiliation").query(Long.class).single();
    }

    List<StoredAffiliation> ofSource(String source) {
        return jdbc.sql(SELECT + " WHERE a.source = :source ORDER BY a.id").param("source", source)
                .query(this::map).list();
    }

    List<StoredAffiliation> ofPerson(long personId) {
        return jdbc.sql(SELECT + " WHERE a.person_id = :id ORDER BY a.id").param("id", personId).query(this::map).list();
    }

    List<StoredAffiliation> ofOrcid(OrcidId orcid) {
        return jdbc.sql(SELECT + " WHERE p.orcid = :orcid ORDER BY a.id").param("orcid", orcid.value())
                .query(this::map).list();
    }

    long insert(AffiliationRow row, long personId, String source, Instant now) {
        return jdbc.sql("""
                        INSERT INTO affiliation (local_key, person_id, source, kind, fields, content_hash, created_at, updated_at)
                        VALUES (:key, :person, :source, :kind, CAST(:fields AS jsonb), :hash, :now, :now) RETURNING id""")
                .param("key", row.localKey()).param("person", personId).param("source", source)
                .param("kind", row.affiliation().kind().value()).param("fields", json.writeValueAsString(row.fields()))
                .param("hash", row.contentHash()).param("now", ts(now)).query(Long.class).single();
    }

    /** New content for a row the institution changed (or brought back); {@code action} is the call it needs now. */
    void update(long id, AffiliationRow row, long personId, String source, String action, Instant now) {
        jdbc.sql("""
                        UPDATE affiliation SET person_id = :person, source = :source, kind = :kind,
                            fields = CAST(:fields AS jsonb), content_hash = :hash, wanted = true, action = :action,
                            state = CASE WHEN state = 'REMOVED' THEN 'NONE' ELSE state END,
                            due_at = CASE WHEN :action::text IS NULL THEN NULL ELSE CAST(:now AS timestamptz) END,
                            attempts = 0, updated_at = :now WHERE id = :id""")
                .param("person", personId).param("source", source).param("kind", row.affiliation().kind().value())
                .param("fields", json.writeValueAsString(row.fields())).param("hash", row.contentHash())
                .param("action", action).param("now", ts(now)).param("id", id).update();
    }

    /** Rows of a source that are wanted and not among {@code keys}: what an upload with removal takes away. */
    List<StoredAffiliation> wantedOfSourceExcept(String source, Collection<String> keys) {
        return jdbc.sql(SELECT + " WHERE a.source = :source AND a.wanted AND NOT (a.local_key = ANY(:keys))")
                .param("source", source).param("keys", keys.toArray(String[]::new)).query(this::map).list();
    }

    /** The institution no longer wants the row: a DELETE when ORCID holds it, else nothing more to do. */
    void unwanted(long id, boolean onOrcid, Instant now) {
        jdbc.sql("""
                        UPDATE affiliation SET wanted = false, action = :action, attempts = 0,
                            due_at = CASE WHEN :onOrcid THEN CAST(:now AS timestamptz) END,
                            state = CASE WHEN :onOrcid THEN state WHEN state = 'REMOVED_BY_RESEARCHER' THEN state ELSE 'REMOVED' END,
                            updated_at = :now WHERE id = :id""")
                .param("action", onOrcid ? "DELETE" : null).param("onOrcid", onOrcid).param("now", ts(now))
                .param("id", id).update();
    }

    /** The researcher's answer for her rows among {@code ids}; approval queues the first write. Answers the count. */
    int decide(OrcidId orcid, Collection<Long> ids, boolean approve, Instant now) {
        return jdbc.sql("""
                        UPDATE affiliation a SET decision = :decision, decided_at = :now, updated_at = :now,
                            action = CASE WHEN :approve AND a.wanted AND a.state IN ('NONE', 'FAILED') THEN 'CREATE'
                                          WHEN :approve THEN a.action ELSE NULL END,
                            due_at = CASE WHEN :approve AND a.wanted AND a.state IN ('NONE', 'FAILED') THEN CAST(:now AS timestamptz)
                                          WHEN :approve THEN a.due_at ELSE NULL END,
                            state = CASE WHEN :approve AND a.state = 'FAILED' THEN 'NONE' ELSE a.state END,
                            attempts = 0
                        FROM affiliation_person p
                        WHERE p.id = a.person_id AND p.orcid = :orcid AND a.id = ANY(:ids)
                          AND a.put_code IS NULL AND a.state NOT IN ('REMOVED_BY_RESEARCHER', 'REMOVED')""")
                .param("decision", approve ? "APPROVED" : "DECLINED").param("approve", approve)
                .param("now", ts(now)).param("orcid", orcid.value()).param("ids", ids.toArray(Long[]::new)).update();
    }

    private StoredAffiliation map(ResultSet rs, int n) throws SQLException {
        long putCode = rs.getLong("put_code");
        Long pc = rs.wasNull() ? null : putCode;
        String orcid = rs.getString("orcid");
        return new StoredAffiliation(rs.getLong("id"), rs.getString("local_key"), rs.getLong("person_id"),
                orcid == null ? null : new OrcidId(orcid), rs.getString("email"), rs.getString("name"),
                rs.getString("local_person_id"), rs.getString("source"),
                AffiliationKind.fromValue(rs.getString("kind")), json.readValue(rs.getString("fields"), FIELDS),
                rs.getString("content_hash"), rs.getString("decision"), rs.getBoolean("wanted"),
                rs.getString("state"), pc, rs.getString("written_hash"), instant(rs, "create_started_at"),
                rs.getString("action"), instant(rs, "due_at"), rs.getInt("attempts"), rs.getString("message"),
                instant(rs, "updated_at"), instant(rs, "link_sent_at"), instant(rs, "link_opened_at"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
