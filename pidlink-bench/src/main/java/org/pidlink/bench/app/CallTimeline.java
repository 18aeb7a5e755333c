package org.pidlink.bench.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The ORCID calls of a whole-app run, second by second and class by class, from the call audit: when a figure falls
 * short of ORCID's limit, it shows whether the budget, a gap in the engine's work or another class's calls held it
 * back. Printed on stderr, one line a second: each call as the first letter of its class (f fresh, b backfill, r
 * read, h housekeeping, i interactive), followed by its status when it was not a success.
 */
public final class CallTimeline {

    private CallTimeline() {
    }

    /** Prints the calls after audit row {@code afterId}. */
    public static void print(JdbcTemplate jdbc, long afterId) {
        System.err.println("ORCID calls per second (second since the first call: one letter per call by class)");
        StringBuilder line = new StringBuilder();
        long[] current = {-1, 0};
        jdbc.query("""
                SELECT floor(extract(epoch FROM called_at - min(called_at) OVER ()))::bigint,
                       coalesce(call_class, 'unspecified'), status
                FROM orcid_call WHERE id > ? ORDER BY called_at""", (RowCallbackHandler) rs -> {
            long second = rs.getLong(1);
            if (second != current[0]) {
                flush(line, current);
                current[0] = second;
            }
            current[1]++;
            line.append(' ').append(rs.getString(2).charAt(0));
            if (rs.getInt(3) >= 300) {
                line.append(rs.getInt(3));
            }
        }, afterId);
        flush(line, current);
    }

    private static void flush(StringBuilder line, long[] current) {
        if (current[0] >= 0) {
            System.err.printf("  %4ds %2d:%s%n", current[0], current[1], line);
        }
        line.setLength(0);
        current[1] = 0;
    }
}
