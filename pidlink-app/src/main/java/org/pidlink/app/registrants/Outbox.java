package org.pidlink.app.registrants;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.background.BackgroundWorker;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery outbox: each suggestion event to send, per channel (the registrant's webhook, the Kafka topic), written
 * in the transaction that made the suggestion and taken by the {@link DeliveryWorker} with FOR UPDATE SKIP LOCKED, so
 * that several instances never send one delivery twice at once and nothing is lost when one stops.
 */
final class Outbox {

    enum Channel { WEBHOOK, KAFKA }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean kafka;
    private @Nullable BackgroundWorker worker;

    Outbox(JdbcClient jdbc, Clock clock, boolean kafka) {
        this.jdbc = jdbc;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.kafka = kafka;
    }

    /** The worker to wake once a delivery is committed. */
    void wakes(BackgroundWorker deliveryWorker) {
        this.worker = deliveryWorker;
    }

    void enqueue(Suggestion suggestion, String event) {
        Timestamp now = Timestamp.from(clock.instant());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", event);
        envelope.put("registrant", suggestion.registrantId());
        envelope.put("suggestion", suggestion);
        String payload = Suggestions.JSON.writeValueAsString(envelope);
        int queued = jdbc.sql("""
                        INSERT INTO registrant_delivery (registrant_id, suggestion_id, channel, event, payload, status,
                                                         due_at, created_at)
                        SELECT id, :suggestion, 'WEBHOOK', :event, :payload, 'PENDING', :now, :now
                        FROM registrant WHERE id = :r AND webhook_url IS NOT NULL""")
                .param("suggestion", suggestion.id()).param("event", event).param("payload", payload)
                .param("now", now).param("r", suggestion.registrantId()).update();
        if (kafka) {
            queued += jdbc.sql("""
                            INSERT INTO registrant_delivery (registrant_id, suggestion_id, channel, event, payload, status,
                                                             due_at, created_at)
                            VALUES (:r, :suggestion, 'KAFKA', :event, :payload, 'PENDING', :now, :now)""")
                    .param("suggestion", suggestion.id()).param("event", event).param("payload", payload)
                    .param("now", now).param("r", suggestion.registrantId()).update();
        }
        if (queued > 0 && worker != null) {
            worker.wakeAfterCommit();
        }
    }

    /** A delivery taken for an attempt. */
    record Delivery(long id, long registrantId, long suggestionId, Channel channel, String event, String payload,
                    int attempts) {
    }

    /** The next due delivery, locked until the caller's transaction ends; other instances skip it. */
    Optional<Delivery> nextDue() {
        return jdbc.sql("""
                        SELECT id, registrant_id, suggestion_id, channel, event, payload, attempts FROM registrant_delivery
                        WHERE status = 'PENDING' AND due_at <= :now ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        Channel.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7)))
                .optional();
    }

    /** Records an attempt: delivered, or due again after {@code retryAfter}, or given up ({@code retryAfter} null). */
    void attempted(Delivery delivery, Instant at, @Nullable Integer httpStatus, @Nullable String error, Duration took,
                   boolean delivered, @Nullable Duration retryAfter) {
        jdbc.sql("""
                        INSERT INTO registrant_delivery_attempt (delivery_id, attempted_at, http_status, error, latency_ms)
                        VALUES (:d, :at, :status, :error, :ms)""")
                .param("d", delivery.id()).param("at", Timestamp.from(at)).param("status", httpStatus)
                .param("error", error).param("ms", (int) Math.min(Integer.MAX_VALUE, took.toMillis())).update();
        String status = delivered ? "DELIVERED" : retryAfter == null ? "FAILED" : "PENDING";
        jdbc.sql("""
                        UPDATE registrant_delivery SET attempts = attempts + 1, status = :status, due_at = :due,
                            delivered_at = :delivered WHERE id = :d""")
                .param("status", status)
                .param("due", delivered || retryAfter == null ? null : Timestamp.from(at.plus(retryAfter)))
                .param("delivered", delivered ? Timestamp.from(at) : null).param("d", delivery.id()).update();
    }

    /** One line of the administrators' delivery log. */
    record LogLine(long deliveryId, String channel, String event, String doi, String orcid, String status,
                   int attempts, @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt,
                   @Nullable Instant lastAttemptAt, @Nullable Integer lastHttpStatus, @Nullable String lastError) {
    }

    List<LogLine> log(long registrantId, int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.channel, d.event, s.doi, s.orcid, d.status, d.attempts, d.due_at, d.delivered_at,
                               a.attempted_at, a.http_status, a.error
                        FROM registrant_delivery d JOIN link_suggestion s ON s.id = d.suggestion_id
                        LEFT JOIN LATERAL (SELECT attempted_at, http_status, error FROM registrant_delivery_attempt
                                           WHERE delivery_id = d.id ORDER BY id DESC LIMIT 1) a ON true
                        WHERE d.registrant_id = :r ORDER BY d.id DESC LIMIT :limit""")
                .param("r", registrantId).param("limit", limit)
                .query((rs, n) -> {
                    int status = rs.getInt(11);
                    Integer http = rs.wasNull() ? null : status;
                    return new LogLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), http, rs.getString(12));
                }).list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
