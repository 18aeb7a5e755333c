package org.pidlink.app.intake.notify;

import java.net.URI;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.pidlink.app.background.BackgroundWorker;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.intake.IntakeProperties;
import org.pidlink.app.intake.notify.PermissionRequestSender.Item;
import org.pidlink.app.intake.notify.PermissionRequestSender.Outcome;
import org.pidlink.core.identifiers.OrcidId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks researchers pidlink does not know yet for permission, through their ORCID inbox: when a DOI names an iD
 * without a pidlink account, that researcher gets one request (not one per DOI) listing the works waiting for
 * them, resent after {@code resend-after} when more arrive, {@code max-sends} times at most. Its link is ORCID's
 * own {@code /oauth/authorize} for pidlink's auto-update client (the only form ORCID's inbox follows, whether it
 * takes the URL's path on its own host or the whole URL); ORCID sends the researcher back to pidlink's permission
 * callback, which keeps the grant, and the waiting claims are written (the claims' backfill).
 *
 * <p>Requests are sent by a background thread ({@link #sendDue()} in tests), never on the intake path, and only
 * when the registration's ORCID client has the premium notification scope.
 */
public final class PermissionNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PermissionNotifications.class);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration RECHECK_PREMIUM = Duration.ofHours(1);
    private static final Duration HOUR = Duration.ofHours(1);
    /** The advisory lock one sender holds while it sends a batch. */
    private static final String SENDER_LOCK = "hashtext('permission_notification:sender')";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Claims claims;
    private final AccountCheck accounts;
    private final PermissionRequestSender client;
    private final IntakeProperties.Notifications settings;
    private final BackgroundWorker worker;
    private final AuthorizeLink authorizeLink;
    private volatile URI connectUrl;
    private volatile Instant notPremiumUntil = Instant.MIN;

    /** Whether pidlink has an account for an iD (then it needs no invitation). */
    @FunctionalInterface
    public interface AccountCheck {
        /** Which of these iDs have an account (one look-up for all of a record's researchers). */
        Set<OrcidId> known(Collection<OrcidId> orcids);
    }

    /** ORCID's own authorize link for pidlink's client, returning to pidlink at {@code base}. */
    @FunctionalInterface
    public interface AuthorizeLink {
        URI to(URI base);
    }

    PermissionNotifications(DataSource dataSource, Clock clock, Claims claims, AccountCheck accounts,
                            PermissionRequestSender client, IntakeProperties.Notifications settings,
                            Duration pollInterval, AuthorizeLink authorizeLink) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.authorizeLink = Objects.requireNonNull(authorizeLink, "authorizeLink");
        this.connectUrl = settings.baseUrl() == null ? null : authorizeLink.to(settings.baseUrl());
        this.worker = new BackgroundWorker("permission-requests", 1, pollInterval, (slot, slots) -> {
            sendDue();
            // Sent or not, the rest waits: due requests are rare, and a failing ORCID must not be hammered.
            return false;
        });
    }

    /** Where pidlink runs, when not configured: known once its web server listens. */
    void serverStarted(URI baseUrl) {
        if (settings.baseUrl() == null) {
            connectUrl = authorizeLink.to(baseUrl);
        }
    }

    /**
     * A claim for this researcher on this DOI waits for permission. Called inside the caller's transaction: a
     * researcher without an account is due for a request, unless one went out recently or too many already did,
     * or the DOI already brought {@code max-per-doi} researchers a first request.
     *
     * @param source who sent the DOI (its owner): sending is paced per source
     */
    public void needed(OrcidId orcid, String doi, String source) {
        needed(List.of(orcid), doi, source);
    }

    /**
     * {@link #needed(OrcidId, String, String)} for every researcher of one DOI whose claim waits, in a few
     * statements however many there are; first requests go to the first {@code max-per-doi} of them, in the order
     * given (the record's).
     */
    public void needed(List<OrcidId> orcids, String doi, String source) {
        needed(List.of(new Waiting(doi, orcids, source)));
    }

    /**
     * The researchers of one DOI whose claims wait for permission, and who sent the DOI: an element of
     * {@link #needed(List)}.
     */
    public record Waiting(String doi, List<OrcidId> orcids, String source) {

        public Waiting {
            Objects.requireNonNull(doi, "doi");
            orcids = List.copyOf(orcids);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * {@link #needed(List, String, String)} for several DOIs (a batch of intake's work, many records): who has an
     * account is looked up once for all of them, and only DOIs naming someone without one cost more. The DOIs are
     * taken in the order given; callers running in parallel give them in one order (their per-DOI locks).
     */
    public void needed(List<Waiting> waiting) {
        if (!settings.enabled() || waiting.isEmpty()) {
            return;
        }
        Set<OrcidId> named = new LinkedHashSet<>();
        waiting.forEach(w -> named.addAll(w.orcids()));
        if (named.isEmpty()) {
            return;
        }
        Set<OrcidId> known = accounts.known(named);
        for (Waiting w : waiting) {
            String[] unknown = w.orcids().stream().filter(o -> !known.contains(o)).map(OrcidId::value).distinct()
                    .toArray(String[]::new);
            if (unknown.length > 0) {
                requested(unknown, w.doi(), w.source());
            }
        }
    }

    /** Requests for researchers without an account, within the caps. */
    private void requested(String[] unknown, String doi, String source) {
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.update("""
                UPDATE permission_notification SET status = 'DUE', due_at = greatest(?, last_sent_at + ?::interval)
                WHERE orcid = ANY(?) AND status IN ('SENT', 'NOT_NEEDED') AND sends < ?""",
                now, settings.resendAfter().toSeconds() + " seconds", unknown, settings.maxSends());
        // The DOI's count of first requests is read under a lock per DOI, so that parallel workers keep the cap.
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('permission_notification:' || ?))", doi);
        changed += jdbc.update("""
                INSERT INTO permission_notification (orcid, status, due_at, first_needed_at, doi, source)
                SELECT u.o, 'DUE', ?, ?, ?, ?
                FROM unnest(?::text[]) WITH ORDINALITY AS u(o, n)
                WHERE NOT EXISTS (SELECT 1 FROM permission_notification p WHERE p.orcid = u.o)
                ORDER BY u.n
                LIMIT greatest(0, ? - (SELECT count(*) FROM permission_notification WHERE doi = ?))
                ON CONFLICT (orcid) DO NOTHING""",
                now, now, doi, source, unknown, settings.maxPerDoi(), doi);
        if (changed > 0) {
            worker.wakeAfterCommit();
        }
    }

    /**
     * Sends the requests that are due now, one batch. Returns how many were sent. One sender at a time, across
     * pidlink instances (an advisory lock held while the batch is sent), so that each source's count of requests
     * in the last hour includes every request sent before.
     */
    public int sendDue() {
        if (!settings.enabled() || connectUrl == null || clock.instant().isBefore(notPremiumUntil)) {
            return 0;
        }
        Integer sent = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_lock(" + SENDER_LOCK + ")");
            }
            try {
                return sendDueAlone();
            } finally {
                try (Statement unlock = connection.createStatement()) {
                    unlock.execute("SELECT pg_advisory_unlock(" + SENDER_LOCK + ")");
                }
            }
        });
        return sent == null ? 0 : sent;
    }

    private int sendDueAlone() {
        Instant now = clock.instant();
        List<String> due = tx.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList("""
                    SELECT orcid, source FROM permission_notification WHERE status = 'DUE' AND due_at <= ?
                    ORDER BY due_at LIMIT 20 FOR UPDATE SKIP LOCKED""", Timestamp.from(now));
            Map<String, SourcePace> paces = new HashMap<>();
            List<String> leased = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                String source = (String) row.get("source");
                // Requests asked for before sources were recorded (no source) are not paced.
                if (source == null || paces.computeIfAbsent(source, s -> pace(s, now)).take()) {
                    leased.add((String) row.get("orcid"));
                }
            }
            String[] leasedIds = leased.toArray(String[]::new);
            // A lease: another instance leaves the request alone while this one sends it.
            jdbc.update("UPDATE permission_notification SET due_at = ? WHERE orcid = ANY(?)",
                    Timestamp.from(now.plus(LEASE)), leasedIds);
            // A source that used its hour's requests waits, all of its backlog at once, until the oldest of them
            // is an hour old: other sources' requests come next, not after the flood's backlog.
            paces.forEach((source, pace) -> {
                if (pace.full()) {
                    Timestamp free = Timestamp.from(pace.freeAt(now));
                    jdbc.update("""
                            UPDATE permission_notification SET due_at = ?
                            WHERE source = ? AND status = 'DUE' AND due_at < ? AND orcid <> ALL(?)""",
                            free, source, free, leasedIds);
                }
            });
            return leased;
        });
        int sent = 0;
        for (String orcid : Objects.requireNonNull(due)) {
            if (clock.instant().isBefore(notPremiumUntil)) {
                break;
            }
            if (send(new OrcidId(orcid))) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * A source's requests in the last hour (the newest {@code max-per-source-per-hour} of them, newest first) and
     * those this batch takes: at most {@code max-per-source-per-hour} in any hour because of one source's DOIs.
     */
    private SourcePace pace(String source, Instant now) {
        int max = settings.maxPerSourcePerHour();
        List<Instant> sent = jdbc.query("""
                SELECT last_sent_at FROM permission_notification WHERE source = ? AND last_sent_at > ?
                ORDER BY last_sent_at DESC LIMIT ?""", (rs, n) -> rs.getTimestamp(1).toInstant(),
                source, Timestamp.from(now.minus(HOUR)), max);
        return new SourcePace(max, sent);
    }

    private static final class SourcePace {
        private final int max;
        private final List<Instant> sentNewestFirst;
        private int taken;

        SourcePace(int max, List<Instant> sentNewestFirst) {
            this.max = max;
            this.sentNewestFirst = sentNewestFirst;
        }

        boolean take() {
            if (full()) {
                return false;
            }
            taken++;
            return true;
        }

        boolean full() {
            return sentNewestFirst.size() + taken >= max;
        }

        /** When one of the hour's requests is an hour old: those taken now count as sent now. */
        Instant freeAt(Instant now) {
            int fromSent = max - taken;
            Instant oldest = fromSent <= 0 ? now : sentNewestFirst.get(Math.min(fromSent, sentNewestFirst.size()) - 1);
            return oldest.plus(HOUR);
        }
    }

    private boolean send(OrcidId orcid) {
        Instant now = clock.instant();
        if (!accounts.known(List.of(orcid)).isEmpty()) {
            finish(orcid, "NOT_NEEDED", null);
            return false;
        }
        List<Item> items = claims.waitingForPermission(orcid, settings.maxItems()).stream()
                .map(c -> new Item(c.title(), c.doi()))
                .toList();
        if (items.isEmpty()) {
            finish(orcid, "NOT_NEEDED", null);
            return false;
        }
        Outcome outcome = client.send(orcid, connectUrl, settings.subject(), settings.intro(), items);
        switch (outcome) {
            case Outcome.Sent sent -> {
                jdbc.update("""
                        UPDATE permission_notification SET status = 'SENT', due_at = NULL, last_sent_at = ?,
                               sends = sends + 1, attempts = 0, put_code = ?, last_error = NULL
                        WHERE orcid = ?""", Timestamp.from(now), sent.putCode(), orcid.value());
                log.info("Asked {} for permission through their ORCID inbox ({} work(s) waiting)", orcid, items.size());
                return true;
            }
            case Outcome.NotPremium notPremium -> {
                notPremiumUntil = now.plus(RECHECK_PREMIUM);
                jdbc.update("UPDATE permission_notification SET due_at = ?, last_error = ? WHERE orcid = ?",
                        Timestamp.from(now.plus(RECHECK_PREMIUM)), notPremium.reason(), orcid.value());
                log.info("Permission requests through the ORCID inbox are not sent: {}", notPremium.reason());
            }
            case Outcome.Refused refused -> {
                finish(orcid, refused.optedOut() ? "OPTED_OUT" : "FAILED", refused.reason());
                log.info("No permission request for {}: {}", orcid, refused.reason());
            }
            case Outcome.Retry retry -> {
                jdbc.update("""
                        UPDATE permission_notification SET attempts = attempts + 1, last_error = ?,
                               due_at = CAST(? AS timestamptz) + least(interval '1 minute' * power(2, least(attempts, 12)), interval '6 hours')
                        WHERE orcid = ?""", retry.reason(), Timestamp.from(now), orcid.value());
                log.warn("Permission request to {} failed, will retry: {}", orcid, retry.reason());
            }
        }
        return false;
    }

    private void finish(OrcidId orcid, String status, String error) {
        jdbc.update("UPDATE permission_notification SET status = ?, due_at = NULL, last_error = ? WHERE orcid = ?",
                status, error, orcid.value());
    }

    void start() {
        worker.start();
    }

    @Override
    public void close() {
        worker.close();
    }
}
