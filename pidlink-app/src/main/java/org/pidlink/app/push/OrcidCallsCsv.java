package org.pidlink.app.push;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the {@code orcid_call} audit rows of a time range as CSV (RFC 4180, UTF-8), row by row from a database
 * cursor: memory stays flat however many rows the range holds, and at most {@code maxRows} are written.
 */
public final class OrcidCallsCsv {

    public static final String HEADER = "id,called_at,method,path,status,error_code,latency_ms,orcid,registration_id,"
            + "claim_ids,items,failure";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public OrcidCallsCsv(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a cursor only inside a transaction; otherwise it reads the whole result first.
        this.jdbc.setFetchSize(500);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    /** Rows with {@code from <= called_at < to}, oldest first; returns how many were written. */
    public long write(Instant from, Instant to, long maxRows, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        long[] written = {0};
        try {
            writer.write(HEADER);
            writer.write("\r\n");
            readOnly.executeWithoutResult(status -> jdbc.query("""
                    SELECT id, called_at, method, path, status, error_code, latency_ms, orcid, registration_id,
                           claim_ids, items, failure
                    FROM orcid_call WHERE called_at >= ? AND called_at < ?
                    ORDER BY called_at, id LIMIT ?""", (RowCallbackHandler) rs -> {
                row(rs, writer);
                written[0]++;
            }, Timestamp.from(from), Timestamp.from(to), maxRows));
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    private static void row(ResultSet rs, Writer out) throws SQLException {
        try {
            out.write(Long.toString(rs.getLong("id")));
            out.write(',');
            out.write(rs.getTimestamp("called_at").toInstant().toString());
            for (String column : new String[] {"method", "path", "status", "error_code", "latency_ms", "orcid",
                    "registration_id"}) {
                out.write(',');
                out.write(field(rs.getString(column)));
            }
            out.write(',');
            out.write(field(claimIds(rs.getArray("claim_ids"))));
            out.write(',');
            out.write(Integer.toString(rs.getInt("items")));
            out.write(',');
            out.write(field(rs.getString("failure")));
            out.write("\r\n");
        } catch (IOException e) {
            // The client went away: stop reading rows for nobody.
            throw new UncheckedIOException(e);
        }
    }

    private static String claimIds(Array array) throws SQLException {
        if (array == null) {
            return "";
        }
        StringBuilder ids = new StringBuilder();
        for (Object id : (Object[]) array.getArray()) {
            ids.append(ids.isEmpty() ? "" : " ").append(id);
        }
        return ids.toString();
    }

    /**
     * RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. Null is empty. Text that a
     * spreadsheet would run as a formula (ORCID echoes request content in its messages) gets a leading apostrophe.
     */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
