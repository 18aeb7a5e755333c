package org.pidlink.app.intake.harvest;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The harvest runs and their progress, in {@code harvest_run}, written page by page as a run goes. */
public final class HarvestRuns {

    private final JdbcTemplate jdbc;

    HarvestRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long started(String name, URI baseUrl, Instant from, Instant until, Instant now) {
        Long id = jdbc.queryForObject("""
                INSERT INTO harvest_run (name, base_url, window_from, window_until, started_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, name, baseUrl.toString(), Timestamp.from(from),
                Timestamp.from(until), Timestamp.from(now), Timestamp.from(now));
        return id == null ? 0 : id;
    }

    void progressed(long id, int pages, int records, int accepted, Integer announced, Instant now) {
        jdbc.update("""
                UPDATE harvest_run SET pages = ?, records = ?, accepted = ?, announced = ?, updated_at = ?
                WHERE id = ?""", pages, records, accepted, announced, Timestamp.from(now), id);
    }

    void finished(long id, int pages, int records, int accepted, boolean complete, String error, Instant now) {
        jdbc.update("""
                UPDATE harvest_run SET pages = ?, records = ?, accepted = ?, complete = ?, error = ?, updated_at = ?,
                       finished_at = ?
                WHERE id = ?""", pages, records, accepted, complete, error, Timestamp.from(now), Timestamp.from(now),
                id);
    }

    /**
     * One run as the administrators see it.
     *
     * @param announced DOIs the registry announced for the window, or null
     * @param timeLeft  while it runs: the time left at the pace so far, or null when nothing tells
     */
    public record RunProgress(Instant windowFrom, Instant windowUntil, Instant startedAt, Instant finishedAt,
            int pages, int records, int accepted, Integer announced, boolean complete, String error,
            Duration timeLeft) {

        public boolean running() {
            return finishedAt == null;
        }

        /** Seen of announced, in percent, or null. */
        public Integer percentDone() {
            return announced == null || announced == 0 ? null : (int) Math.min(100, records * 100L / announced);
        }
    }

    List<RunProgress> latest(String name, int limit, Instant now) {
        return jdbc.query("""
                SELECT window_from, window_until, started_at, updated_at, finished_at, pages, records, accepted,
                       announced, complete, error
                FROM harvest_run WHERE name = ? ORDER BY started_at DESC, id DESC LIMIT ?""",
                (rs, n) -> progress(rs, now), name, limit);
    }

    private static RunProgress progress(ResultSet rs, Instant now) throws SQLException {
        Instant started = rs.getTimestamp("started_at").toInstant();
        Timestamp finished = rs.getTimestamp("finished_at");
        int records = rs.getInt("records");
        int announcedValue = rs.getInt("announced");
        Integer announced = rs.wasNull() ? null : announcedValue;
        Duration timeLeft = null;
        if (finished == null && announced != null && records > 0 && announced > records) {
            // The pace so far, applied to what is left of the announced DOIs.
            Duration elapsed = Duration.between(started, now);
            timeLeft = elapsed.multipliedBy(announced - records).dividedBy(records);
        }
        return new RunProgress(rs.getTimestamp("window_from").toInstant(), rs.getTimestamp("window_until").toInstant(),
                started, finished == null ? null : finished.toInstant(), rs.getInt("pages"), records,
                rs.getInt("accepted"), announced, rs.getBoolean("complete"), rs.getString("error"), timeLeft);
    }
}
