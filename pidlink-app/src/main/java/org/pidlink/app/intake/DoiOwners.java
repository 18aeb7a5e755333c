package org.pidlink.app.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.pidlink.core.identifiers.Doi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who owns which DOI: the source that first registered it ({@code api:<source>}, {@code harvest:datacite},
 * {@code kafka:<topic>}), unless an administrator assigned the DOI's prefix to a source or transferred the DOI.
 * Only the owner changes or deletes a DOI ({@link IntakeStore} checks it in the submission's transaction).
 */
public final class DoiOwners {

    /** A DOI prefix: {@code 10.} and the registrant code (digits, possibly dotted). */
    private static final Pattern PREFIX = Pattern.compile("10\\.\\d{4,9}(\\.\\d+)*");
    private static final Logger log = LoggerFactory.getLogger(DoiOwners.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DoiOwners(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A prefix an administrator assigned to a source. */
    public record PrefixAssignment(String prefix, String owner, String assignedBy, Instant assignedAt) {
    }

    /** The prefix of a DOI: what comes before its first {@code /}. */
    static String prefixOf(String doi) {
        int slash = doi.indexOf('/');
        return slash < 0 ? doi : doi.substring(0, slash);
    }

    /** The prefix as entered, cleaned, or an explanation of why it is not one. */
    public static String validPrefix(String input) {
        String prefix = input == null ? "" : input.strip();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("'" + prefix + "' is not a DOI prefix (it looks like 10.1234)");
        }
        return prefix;
    }

    /** Who owns this DOI now, if anyone does. */
    public Optional<String> owner(Doi doi) {
        return jdbc.sql("""
                        SELECT coalesce(d.owner, p.owner) FROM (SELECT :doi::text AS doi) AS x
                        LEFT JOIN intake_doi d ON d.doi = x.doi
                        LEFT JOIN doi_prefix_owner p ON p.prefix = :prefix""")
                .param("doi", doi.value()).param("prefix", prefixOf(doi.value()))
                .query(String.class).optional();
    }

    /**
     * Assigns a prefix to a source: new DOIs under it can be registered by that source only, and the DOIs pidlink
     * already knows under it become that source's.
     *
     * @return how many known DOIs changed owner
     */
    public int assignPrefix(String prefix, String owner, String administrator) {
        String valid = validPrefix(prefix);
        Objects.requireNonNull(owner, "owner");
        Timestamp now = Timestamp.from(clock.instant());
        Integer moved = tx.execute(status -> {
            jdbc.sql("""
                            INSERT INTO doi_prefix_owner (prefix, owner, assigned_by, assigned_at)
                            VALUES (:prefix, :owner, :by, :at)
                            ON CONFLICT (prefix) DO UPDATE SET owner = excluded.owner, assigned_by = excluded.assigned_by,
                                assigned_at = excluded.assigned_at""")
                    .param("prefix", valid).param("owner", owner).param("by", administrator).param("at", now).update();
            return jdbc.sql("""
                            UPDATE intake_doi SET owner = :owner, owner_since = :at
                            WHERE doi LIKE :pattern AND owner IS DISTINCT FROM :owner""")
                    .param("owner", owner).param("at", now).param("pattern", valid + "/%")
                    .update();
        });
        log.info("{} assigned DOI prefix {} to {} ({} known DOIs moved)", administrator, valid, owner, moved);
        return moved == null ? 0 : moved;
    }

    /** Takes a prefix back; its DOIs keep their owners. Answers false when it was not assigned. */
    public boolean unassignPrefix(String prefix, String administrator) {
        boolean removed = jdbc.sql("DELETE FROM doi_prefix_owner WHERE prefix = :prefix")
                .param("prefix", prefix == null ? "" : prefix.strip()).update() == 1;
        if (removed) {
            log.info("{} took DOI prefix {} back", administrator, prefix);
        }
        return removed;
    }

    public List<PrefixAssignment> prefixes() {
        return jdbc.sql("SELECT prefix, owner, assigned_by, assigned_at FROM doi_prefix_owner ORDER BY owner, prefix")
                .query((rs, n) -> new PrefixAssignment(rs.getString("prefix"), rs.getString("owner"),
                        rs.getString("assigned_by"), rs.getTimestamp("assigned_at").toInstant()))
                .list();
    }

    /**
     * Gives a DOI pidlink knows to another source.
     *
     * @return the previous owner (null when it had none)
     * @throws IllegalArgumentException when pidlink has received nothing for the DOI
     */
    public String transfer(Doi doi, String newOwner, String administrator) {
        Objects.requireNonNull(newOwner, "newOwner");
        String previous = tx.execute(status -> {
            Optional<String> before = jdbc.sql("""
                            SELECT coalesce(d.owner, p.owner) AS owner FROM intake_doi d
                            LEFT JOIN doi_prefix_owner p ON p.prefix = :prefix
                            WHERE d.doi = :doi AND d.content_hash IS NOT NULL FOR UPDATE OF d""")
                    .param("doi", doi.value()).param("prefix", prefixOf(doi.value()))
                    .query((rs, n) -> Optional.ofNullable(rs.getString("owner"))).optional()
                    .orElseThrow(() -> new IllegalArgumentException("pidlink has received nothing for " + doi.value()));
            jdbc.sql("UPDATE intake_doi SET owner = :owner, owner_since = :at WHERE doi = :doi")
                    .param("owner", newOwner).param("at", Timestamp.from(clock.instant())).param("doi", doi.value())
                    .update();
            return before.orElse(null);
        });
        log.info("{} transferred DOI {} from {} to {}", administrator, doi.value(), previous, newOwner);
        return previous;
    }
}
