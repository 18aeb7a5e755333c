package org.pidlink.app.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.pidlink.app.database.ChangeCounter;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code researcher} table: accounts, keyed by the iD they signed in with. */
@Repository
public class Researchers {

    private static final String COLUMNS = "id, orcid, name, administrator, auto_update, public_profile, access_level, "
            + "created_at, last_sign_in_at";

    private final JdbcClient jdbc;
    private final ChangeCounter changes = new ChangeCounter();

    public Researchers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A number that grows whenever this instance changes a researcher (her name, her settings): an answer made from
     * researchers read after it was {@code n} is current (as far as this instance knows) while it is still {@code n}.
     */
    public long changes() {
        return changes.value();
    }

    /** Records a sign-in: creates the account on first sign-in, refreshes the name, grants configured administrators. */
    Researcher signedIn(OrcidId orcid, String name, boolean administrator, Instant at) {
        Researcher signedIn = jdbc.sql("""
                        INSERT INTO researcher (orcid, name, administrator, last_sign_in_at) VALUES (:orcid, :name, :admin, :at)
                        ON CONFLICT (orcid) DO UPDATE SET name = coalesce(excluded.name, researcher.name),
                            administrator = researcher.administrator OR excluded.administrator,
                            last_sign_in_at = excluded.last_sign_in_at
                        RETURNING\s""" + COLUMNS)
                .param("orcid", orcid.value()).param("name", name).param("admin", administrator)
                .param("at", Timestamp.from(at))
                .query(Researchers::map).single();
        changes.changed();
        return signedIn;
    }

    public Optional<Researcher> find(OrcidId orcid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM researcher WHERE orcid = :orcid")
                .param("orcid", orcid.value()).query(Researchers::map).optional();
    }

    public Optional<Researcher> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM researcher WHERE id = :id")
                .param("id", id).query(Researchers::map).optional();
    }

    /**
     * How many researchers signed in, hold an active permission to update their record, and have auto-update on
     * with its permission (the administrators' reports).
     */
    public ResearcherCounts counts() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM researcher) AS signed_in,
                       (SELECT count(DISTINCT researcher_id) FROM orcid_permission WHERE status = 'ACTIVE')
                           AS connected,
                       (SELECT count(*) FROM researcher r WHERE r.auto_update AND EXISTS (
                            SELECT 1 FROM orcid_permission p WHERE p.researcher_id = r.id AND p.status = 'ACTIVE'
                              AND p.registration_id = :autoUpdate)) AS auto_update""")
                .param("autoUpdate", OrcidRegistrations.AUTO_UPDATE)
                .query((rs, n) -> new ResearcherCounts(rs.getLong("signed_in"), rs.getLong("connected"),
                        rs.getLong("auto_update")))
                .single();
    }

    /** At most {@code limit} of the researchers who let their profile show in public lookups, in no order. */
    public List<Researcher> findPublic(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM researcher WHERE public_profile LIMIT :limit")
                .param("limit", limit).query(Researchers::map).list();
    }

    /** The accounts of these iDs that have one, by iD (one query, however many iDs). */
    public Map<OrcidId, Researcher> findAll(Collection<OrcidId> orcids) {
        if (orcids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM researcher WHERE orcid = ANY(:orcids)")
                .param("orcids", orcids.stream().map(OrcidId::value).distinct().toArray(String[]::new))
                .query(Researchers::map).list().stream().collect(Collectors.toMap(Researcher::orcid, r -> r));
    }

    /** Which of these iDs belong to researchers who show in public lookups (one query, however many iDs). */
    public Set<OrcidId> showingInPublicLookups(Collection<OrcidId> orcids) {
        if (orcids.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT orcid FROM researcher WHERE public_profile AND orcid = ANY(:orcids)")
                .param("orcids", orcids.stream().map(OrcidId::value).toArray(String[]::new))
                .query((rs, n) -> new OrcidId(rs.getString("orcid"))).set();
    }

    /** Which of these iDs have an account (one query, however many iDs: a record names thousands). */
    public Set<OrcidId> known(Collection<OrcidId> orcids) {
        if (orcids.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("SELECT orcid FROM researcher WHERE orcid = ANY(:orcids)")
                .param("orcids", orcids.stream().map(OrcidId::value).toArray(String[]::new))
                .query((rs, n) -> new OrcidId(rs.getString("orcid"))).set();
    }

    /** Stores new settings and answers the account as it was before. */
    Researcher updateSettings(long id, ResearcherSettings settings) {
        Researcher before = jdbc.sql("""
                        UPDATE researcher r SET auto_update = :autoUpdate, public_profile = :publicProfile,
                            access_level = :accessLevel
                        FROM researcher prev WHERE r.id = :id AND prev.id = r.id
                        RETURNING prev.id, prev.orcid, prev.name, prev.administrator, prev.auto_update, prev.public_profile,
                            prev.access_level, prev.created_at, prev.last_sign_in_at""")
                .param("id", id).param("autoUpdate", settings.autoUpdate())
                .param("publicProfile", settings.publicProfile())
                .param("accessLevel", settings.accessLevel().name())
                .query(Researchers::map).single();
        changes.changed();
        return before;
    }

    void setAutoUpdate(long id, boolean enabled) {
        jdbc.sql("UPDATE researcher SET auto_update = :enabled WHERE id = :id")
                .param("id", id).param("enabled", enabled).update();
        changes.changed();
    }

    static Researcher map(ResultSet rs, int row) throws SQLException {
        return new Researcher(rs.getLong("id"), new OrcidId(rs.getString("orcid")), rs.getString("name"),
                rs.getBoolean("administrator"), rs.getBoolean("auto_update"), rs.getBoolean("public_profile"),
                AccessLevel.valueOf(rs.getString("access_level")), instant(rs, "created_at"),
                instant(rs, "last_sign_in_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
