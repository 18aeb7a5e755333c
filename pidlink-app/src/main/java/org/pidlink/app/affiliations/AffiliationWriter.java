package org.pidlink.app.affiliations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.pidlink.app.accounts.WritePermission;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.Affiliation;
import org.pidlink.orcid.client.ExternalId;
import org.pidlink.orcid.client.FetchedAffiliation;
import org.pidlink.orcid.client.OrcidClient;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes approved affiliations to ORCID with the researcher's own token, one call at a time per person: a turn
 * leases the person of the most overdue row ({@code FOR UPDATE SKIP LOCKED} on {@code affiliation_person}, then a
 * lease that outlives the transaction), makes one call and records ORCID's answer.
 *
 * <ul>
 * <li>CREATE posts the affiliation with a {@code self} {@code uri} id naming the institution's local key
 * ({@code urn:pidlink:affiliation:…}; not {@code source-work-id}, which ORCID reads back as {@code source_work_id}).
 * A marker is committed before the POST; when a turn finds it set, an earlier POST may have reached ORCID, so it
 * reads the kind's list first and adopts the item carrying the key. 409/9021 adopts the put-code too. An adopted
 * item is then PUT once, so that it holds exactly the row.</li>
 * <li>UPDATE puts the row with the stored put-code; DELETE deletes it. 404 on either means the researcher removed
 * the item on ORCID: it is never added again.</li>
 * <li>A 400 (ORCID's business rules, e.g. 9045 for an organization id ORCID does not know) fails the row with
 * ORCID's message; 5xx, 503 and network failures are retried with exponential backoff; a refused token marks the
 * permission revoked and waits for the researcher to grant it again.</li>
 * </ul>
 */
final class AffiliationWriter {

    private static final Logger log = LoggerFactory.getLogger(AffiliationWriter.class);
    static final String KEY_TYPE = "uri";
    static final String KEY_PREFIX = "urn:pidlink:affiliation:";
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration NO_PERMISSION_RECHECK = Duration.ofDays(1);
    private static final int MAX_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AffiliationStore store;
    private final WritePermissions permissions;
    private final OrcidRegistrations registrations;
    private final String registrationId;
    private final Clock clock;

    AffiliationWriter(DataSource dataSource, TransactionTemplate tx, AffiliationStore store,
                      WritePermissions permissions, OrcidRegistrations registrations, String registrationId,
                      Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = tx;
        this.store = store;
        this.permissions = permissions;
        this.registrations = registrations;
        this.registrationId = registrationId;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The self id that names a row on ORCID. */
    static ExternalId keyId(String localKey) {
        return ExternalId.self(KEY_TYPE, KEY_PREFIX + URLEncoder.encode(localKey, StandardCharsets.UTF_8));
    }

    /** A leased row: its id, whether an earlier POST of it may have reached ORCID. */
    private record Lease(long rowId, long personId, boolean mayHavePosted) {
    }

    /** One call for one person. Answers whether there was anything to do. */
    boolean runOnce() {
        Optional<Lease> lease = Objects.requireNonNull(tx.execute(status -> lease()));
        if (lease.isEmpty()) {
            return false;
        }
        try {
            write(lease.get());
        } finally {
            jdbc.sql("UPDATE affiliation_person SET leased_until = NULL WHERE id = :id")
                    .param("id", lease.get().personId()).update();
        }
        return true;
    }

    /** Runs turns until nothing is due (tests). */
    int drain() {
        int calls = 0;
        while (runOnce()) {
            calls++;
        }
        return calls;
    }

    /** The researcher granted the permission: what waited for it is due now. */
    void permissionGranted(OrcidId orcid) {
        jdbc.sql("""
                        UPDATE affiliation a SET due_at = :now FROM affiliation_person p
                        WHERE p.id = a.person_id AND p.orcid = :orcid AND a.action IS NOT NULL""")
                .param("now", AffiliationStore.ts(clock.instant())).param("orcid", orcid.value()).update();
    }

    private Optional<Lease> lease() {
        Instant now = clock.instant();
        Optional<long[]> due = jdbc.sql("""
                        SELECT a.id, p.id AS person_id FROM affiliation a JOIN affiliation_person p ON p.id = a.person_id
                        WHERE a.action IS NOT NULL AND a.due_at <= :now AND p.orcid IS NOT NULL
                          AND (a.action = 'DELETE' OR a.decision = 'APPROVED')
                          AND (p.leased_until IS NULL OR p.leased_until < :now)
                          -- one call at a time per researcher, also when the institution named her twice
                          AND NOT EXISTS (SELECT 1 FROM affiliation_person q WHERE q.orcid = p.orcid AND q.id <> p.id
                                          AND q.leased_until >= :now)
                        ORDER BY a.due_at, a.id LIMIT 1 FOR UPDATE OF p SKIP LOCKED""")
                .param("now", AffiliationStore.ts(now))
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("person_id")}).optional();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        long rowId = due.get()[0];
        long personId = due.get()[1];
        jdbc.sql("UPDATE affiliation_person SET leased_until = :until WHERE id = :id")
                .param("until", AffiliationStore.ts(now.plus(LEASE))).param("id", personId).update();
        StoredAffiliation row = store.byId(rowId).orElseThrow();
        boolean mayHavePosted = row.createStartedAt() != null;
        if ("CREATE".equals(row.action())) {
            // The marker: committed with the lease, before the POST.
            jdbc.sql("UPDATE affiliation SET create_started_at = :now WHERE id = :id")
                    .param("now", AffiliationStore.ts(now)).param("id", rowId).update();
        }
        return Optional.of(new Lease(rowId, personId, mayHavePosted));
    }

    private void write(Lease lease) {
        StoredAffiliation row = store.byId(lease.rowId()).orElseThrow();
        OrcidId orcid = row.orcid();
        Optional<WritePermission> permission = permissions.find(orcid, registrationId);
        if (permission.isEmpty() || !permission.get().mayWrite(clock.instant())) {
            String why = permission.isEmpty() ? "waiting for the researcher's permission to update her ORCID record"
                    : "pidlink's permission to update her ORCID record is " + permission.get().status()
                    .name().toLowerCase(java.util.Locale.ROOT) + "; waiting until she grants it again";
            jdbc.sql("""
                            UPDATE affiliation SET due_at = :due, message = :why, create_started_at = NULL
                            WHERE id = :id""")
                    .param("due", AffiliationStore.ts(clock.instant().plus(NO_PERMISSION_RECHECK)))
                    .param("why", why).param("id", row.id()).update();
            return;
        }
        String token = permission.get().accessToken();
        switch (row.action()) {
            case "CREATE" -> create(row, lease.mayHavePosted(), token);
            case "UPDATE" -> update(row, token);
            case "DELETE" -> delete(row, token);
            default -> throw new IllegalStateException("unknown action " + row.action());
        }
    }

    /**
     * The registration's client, making calls of {@code callClass}. No item ids: the audit files those as claim ids;
     * an affiliation call is known there by its path ({@code /v3.0/{orcid}/{kind}/…}) and put-code.
     */
    private OrcidClient client(CallClass callClass) {
        return registrations.client(registrationId).on(callClass.context(registrationId));
    }

    private Affiliation withKey(StoredAffiliation row) {
        Affiliation a = row.affiliation();
        List<ExternalId> ids = new ArrayList<>(a.externalIds());
        ids.add(keyId(row.localKey()));
        return a.withExternalIds(ids);
    }

    private void create(StoredAffiliation row, boolean mayHavePosted, String token) {
        if (mayHavePosted) {
            OrcidResult<List<FetchedAffiliation>> listed = client(CallClass.BACKFILL).affiliations()
                    .readAffiliations(row.orcid(), token, row.kind());
            switch (listed) {
                case OrcidResult.Ok<List<FetchedAffiliation>> ok -> {
                    Optional<Long> found = findOurs(ok.value(), row.localKey());
                    if (found.isPresent()) {
                        log.info("Recovered affiliation {} of {} on ORCID after an interrupted write (put-code {})",
                                row.localKey(), row.orcid(), found.get());
                        adopt(row, found.get());
                        return;
                    }
                }
                case OrcidResult.Failed<List<FetchedAffiliation>> failed -> {
                    failedCall(row, failed.error(), true);
                    return;
                }
            }
        }
        switch (client(CallClass.INTERACTIVE).affiliations().createAffiliation(row.orcid(), token,
                withKey(row))) {
            case OrcidResult.Ok<Long> ok -> written(row, ok.value(), "WRITTEN");
            case OrcidResult.Failed<Long> failed -> {
                if (failed.error() instanceof OrcidError.Duplicate duplicate && duplicate.existingPutCode().isPresent()) {
                    adopt(row, duplicate.existingPutCode().getAsLong());
                } else {
                    failedCall(row, failed.error(), true);
                }
            }
        }
    }

    private Optional<Long> findOurs(List<FetchedAffiliation> items, String localKey) {
        String clientId = registrations.clientId(registrationId);
        ExternalId key = keyId(localKey);
        return items.stream().filter(i -> i.isFromClient(clientId) && i.affiliation() != null)
                .filter(i -> i.affiliation().externalIds().stream()
                        .anyMatch(id -> id.type().equals(key.type()) && id.value().equals(key.value())))
                .map(FetchedAffiliation::putCode).findFirst();
    }

    private void update(StoredAffiliation row, String token) {
        switch (client(CallClass.BACKFILL).affiliations().updateAffiliation(row.orcid(), token,
                row.putCode(), withKey(row))) {
            // An item adopted after a crash or a 409 is PUT once to hold the row: still "written", not "updated".
            case OrcidResult.Ok<?> ok -> written(row, row.putCode(), row.writtenHash() == null ? "WRITTEN" : "UPDATED");
            case OrcidResult.Failed<?> failed -> failedCall(row, failed.error(), false);
        }
    }

    private void delete(StoredAffiliation row, String token) {
        switch (client(CallClass.BACKFILL).affiliations().deleteAffiliation(row.orcid(), token,
                row.kind(), row.putCode())) {
            case OrcidResult.Ok<Void> ok -> {
                finish(row.id(), "REMOVED", null, null);
                log.info("Removed affiliation {} (put-code {}) from {}", row.localKey(), row.putCode(), row.orcid());
            }
            case OrcidResult.Failed<Void> failed -> failedCall(row, failed.error(), false);
        }
    }

    /** Takes over an item ORCID already holds, then PUTs the row once so that it holds exactly that. */
    private void adopt(StoredAffiliation row, long putCode) {
        jdbc.sql("""
                        UPDATE affiliation SET put_code = :pc, state = 'WRITTEN', written_hash = NULL, written_at = :now,
                            create_started_at = NULL, action = 'UPDATE', due_at = :now, attempts = 0, message = NULL,
                            updated_at = :now WHERE id = :id""")
                .param("pc", putCode).param("now", AffiliationStore.ts(clock.instant())).param("id", row.id()).update();
    }

    private void written(StoredAffiliation row, long putCode, String state) {
        // The row may have changed while the call ran: its current hash decides whether another PUT is due.
        jdbc.sql("""
                        UPDATE affiliation SET put_code = :pc, state = :state, written_hash = :hash, written_at = :now,
                            create_started_at = NULL, attempts = 0, message = NULL, updated_at = :now,
                            action = CASE WHEN NOT wanted THEN 'DELETE' WHEN content_hash <> :hash THEN 'UPDATE' END,
                            due_at = CASE WHEN NOT wanted OR content_hash <> :hash THEN CAST(:now AS timestamptz) END
                        WHERE id = :id""")
                .param("pc", putCode).param("state", state).param("hash", row.contentHash())
                .param("now", AffiliationStore.ts(clock.instant())).param("id", row.id()).update();
        log.info("Affiliation {} of {} {} (put-code {})", row.localKey(), row.orcid(), state.toLowerCase(), putCode);
    }

    private void finish(long id, String state, Long putCode, String message) {
        jdbc.sql("""
                        UPDATE affiliation SET state = :state, put_code = :pc, action = NULL, due_at = NULL,
                            create_started_at = NULL, attempts = 0, message = :message, updated_at = :now WHERE id = :id""")
                .param("state", state).param("pc", putCode).param("message", message)
                .param("now", AffiliationStore.ts(clock.instant())).param("id", id).update();
    }

    private void failedCall(StoredAffiliation row, OrcidError error, boolean creating) {
        String message = error.problem().summary();
        switch (error) {
            case OrcidError.NotFound notFound when !creating -> {
                finish(row.id(), "REMOVED_BY_RESEARCHER", null, "the researcher removed it on ORCID; pidlink "
                        + "will not add it again");
                log.info("Affiliation {} (put-code {}) was removed by {} on ORCID", row.localKey(), row.putCode(),
                        row.orcid());
            }
            case OrcidError.TokenRejected rejected -> {
                permissions.markRevoked(row.orcid(), registrationId, message);
                jdbc.sql("UPDATE affiliation SET due_at = :due, message = :m WHERE id = :id")
                        .param("due", AffiliationStore.ts(clock.instant().plus(NO_PERMISSION_RECHECK)))
                        .param("m", "ORCID refused the researcher's token; waiting until she grants the permission "
                                + "again").param("id", row.id()).update();
            }
            default -> {
                if (error.retryable() && row.attempts() + 1 < MAX_ATTEMPTS) {
                    Duration delay = backoff(row.attempts() + 1, error);
                    // A POST that failed this way may have reached ORCID: the marker stays for the next attempt.
                    jdbc.sql("""
                                    UPDATE affiliation SET attempts = attempts + 1, due_at = :due, message = :m
                                    WHERE id = :id""")
                            .param("due", AffiliationStore.ts(clock.instant().plus(delay)))
                            .param("m", "ORCID could not take it yet (" + message + "); retrying")
                            .param("id", row.id()).update();
                    log.warn("Affiliation {} of {}: {}; retrying in {}", row.localKey(), row.orcid(), message, delay);
                } else {
                    jdbc.sql("""
                                    UPDATE affiliation SET state = 'FAILED', action = NULL, due_at = NULL,
                                        create_started_at = CASE WHEN :retryable THEN create_started_at END,
                                        attempts = attempts + 1, message = :m, updated_at = :now WHERE id = :id""")
                            .param("retryable", error.retryable()).param("m", message)
                            .param("now", AffiliationStore.ts(clock.instant())).param("id", row.id()).update();
                    log.warn("Affiliation {} of {} failed: {}", row.localKey(), row.orcid(), message);
                }
            }
        }
    }

    private static Duration backoff(int attempts, OrcidError error) {
        if (error instanceof OrcidError.RateLimited limited && limited.retryAfter().isPresent()) {
            return limited.retryAfter().get();
        }
        long ceiling = Math.min(Duration.ofHours(6).toMillis(), Duration.ofSeconds(30).toMillis() << Math.min(attempts - 1, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
