package org.pidlink.app.intake.kafka;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.pidlink.app.intake.Intake;
import org.pidlink.app.intake.IntakeReport;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumes DOI metadata events: each message is one document in any format intake reads (its
 * {@code content-type} header, when present, is the hint), keyed by DOI; a message without a value (a
 * tombstone) says the DOI was deleted. Delivery is at least once: offsets are committed after the batch is
 * stored, and each message's {@code topic/partition/offset} is recorded in the same transaction as its intake,
 * so a redelivered message is recognized and skipped (and intake's content hash makes a re-sent record a no-op
 * anyway).
 */
public final class KafkaIntake implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(KafkaIntake.class);

    /** The source a topic's DOIs are registered by (and owned by, when it registers them first). */
    public static String source(String topic) {
        return "kafka:" + topic;
    }

    private final Intake intake;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public KafkaIntake(Intake intake, DataSource dataSource, Clock clock) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            tx.executeWithoutResult(status -> apply(record));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String eventKey = record.topic() + "/" + record.partition() + "/" + record.offset();
        int fresh = jdbc.update("INSERT INTO intake_event (event_key, applied_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                eventKey, Timestamp.from(clock.instant()));
        if (fresh == 0) {
            log.debug("Kafka event {} was applied before; skipped", eventKey);
            return;
        }
        String source = source(record.topic());
        if (record.value() == null || record.value().length == 0) {
            ParseResult<Doi> doi = record.key() == null ? null : Doi.tryParse(record.key());
            if (doi instanceof ParseResult.Valid<Doi> valid) {
                intake.deleted(valid.value(), source);
            } else {
                log.warn("Kafka event {} has no value and its key is not a DOI ({}); ignored", eventKey, record.key());
            }
            return;
        }
        IntakeReport report = intake.submit(record.value(), contentType(record), source);
        if (report.rejected() > 0) {
            report.dois().stream().filter(o -> o.status() == org.pidlink.app.intake.DoiOutcome.Status.REJECTED)
                    .forEach(o -> log.warn("Kafka event {}: record {} rejected: {}{}", eventKey,
                            o.doi() == null ? "(no DOI)" : o.doi(), o.reason(),
                            o.location() == null ? "" : " at " + o.location()));
        }
    }

    private static String contentType(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("content-type");
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
