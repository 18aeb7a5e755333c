package org.pidlink.app.claims;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.core.identifiers.OrcidId;

/**
 * Reading {@code claim} rows: the columns, and the values made from them. The work is stored once per payload
 * hash in {@code claim_work}; the columns fetch it with the claim.
 */
final class ClaimRows {

    /**
     * What a view shows of a claim: of its work only the title, taken out by PostgreSQL (a large collaboration's
     * work is megabytes, and the pages and permission requests list many claims).
     */
    /** Read from {@code claim} unaliased: the work's title is looked up by {@code claim.payload_hash}. */
    static final String COLUMNS = """
            id, orcid, doi, registration_id, provenance, payload_hash, written_hash, put_code, status, status_reason,
            (SELECT w.work_json::json #>> '{title,title,value}' FROM claim_work w
             WHERE w.payload_hash = claim.payload_hash) AS work_title,
            wanted, kept_out, queued_action, queued_class, due_at, post_attempted_hash, attempts,
            orcid_message, created_at, updated_at, written_at, approved""";

    /** What a transition reads of a claim ({@link Row}): everything but the work, which it never needs. */
    static final String ROW_COLUMNS = """
            id, orcid, doi, registration_id, provenance, payload_hash, written_hash, put_code, status, status_reason,
            wanted, kept_out, queued_action, queued_class, due_at, post_attempted_hash, attempts,
            orcid_message, created_at, updated_at, written_at, approved""";

    static final String QUEUED_COLUMNS = """
            id, orcid, doi, registration_id, provenance, queued_action, queued_class, payload_hash, put_code, recover,
            (SELECT w.work_json FROM claim_work w WHERE w.payload_hash = claim.payload_hash) AS work_json,
            post_attempted_hash, attempts, wanted""";

    private ClaimRows() {
    }

    /** What a transition needs to know of a claim. */
    record Row(long id, String orcid, String registrationId, Set<Provenance> provenance, String payloadHash,
            @Nullable String writtenHash, @Nullable Long putCode, ClaimStatus status, boolean wanted, boolean keptOut,
            @Nullable ClaimAction queuedAction, CallClass queuedClass, @Nullable Instant dueAt,
            @Nullable String postAttemptedHash, boolean approved) {

        /** A POST may have reached ORCID, or the work is there: leaving means deleting. */
        boolean mayBeInOrcid() {
            return putCode != null || postAttemptedHash != null;
        }
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("orcid"), rs.getString("registration_id"),
                provenance(rs.getArray("provenance")), rs.getString("payload_hash"), rs.getString("written_hash"),
                nullableLong(rs, "put_code"), ClaimStatus.valueOf(rs.getString("status")), rs.getBoolean("wanted"),
                rs.getBoolean("kept_out"), action(rs.getString("queued_action")), callClass(rs, "queued_class"),
                instant(rs, "due_at"),
                rs.getString("post_attempted_hash"), rs.getBoolean("approved"));
    }

    static ClaimView view(ResultSet rs) throws SQLException {
        ClaimStatus status = ClaimStatus.valueOf(rs.getString("status"));
        return new ClaimView(rs.getLong("id"), rs.getString("orcid"), rs.getString("doi"),
                rs.getString("registration_id"), provenance(rs.getArray("provenance")),
                rs.getString("work_title"), nullableLong(rs, "put_code"), status,
                rs.getString("status_reason"), rs.getString("orcid_message"), action(rs.getString("queued_action")),
                rs.getInt("attempts"), status == ClaimStatus.FAILED_WILL_RETRY ? instant(rs, "due_at") : null,
                rs.getBoolean("kept_out"), Objects.requireNonNull(instant(rs, "created_at")),
                Objects.requireNonNull(instant(rs, "updated_at")), instant(rs, "written_at"));
    }

    static QueuedWrite queued(ResultSet rs) throws SQLException {
        return new QueuedWrite(rs.getLong("id"), new OrcidId(rs.getString("orcid")), rs.getString("doi"),
                rs.getString("registration_id"), provenance(rs.getArray("provenance")),
                ClaimAction.valueOf(rs.getString("queued_action")), callClass(rs, "queued_class"), rs.getString("work_json"),
                rs.getString("payload_hash"), nullableLong(rs, "put_code"), rs.getBoolean("recover"),
                rs.getString("post_attempted_hash"), rs.getInt("attempts"), rs.getBoolean("wanted"));
    }

    /** A class stored by its ordinal; rows queued before classes existed count as backfill. */
    static CallClass callClass(ResultSet rs, String column) throws SQLException {
        int ordinal = rs.getInt(column);
        return rs.wasNull() ? CallClass.BACKFILL : CallClass.values()[ordinal];
    }

    private static @Nullable ClaimAction action(@Nullable String name) {
        return name == null ? null : ClaimAction.valueOf(name);
    }

    static Set<Provenance> provenance(@Nullable Array array) throws SQLException {
        return Provenance.setOf(array == null ? new String[0] : (String[]) array.getArray());
    }

    static String pgArray(Set<Provenance> provenance) {
        List<String> names = new ArrayList<>();
        for (Provenance p : provenance) {
            names.add(p.name());
        }
        return "{" + String.join(",", names) + "}";
    }

    /** A PostgreSQL array literal; every element quoted, so any text is safe in it. */
    static String arrayLiteral(List<String> values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).replace("\\", "\\\\").replace("\"", "\\\"");
            s.append(i == 0 ? "\"" : ",\"").append(v).append('"');
        }
        return s.append('}').toString();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
