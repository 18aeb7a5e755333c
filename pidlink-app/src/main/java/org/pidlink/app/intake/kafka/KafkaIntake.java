package org.pidlink.app.intake.kafka;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * stored (a batch in one transaction), and each message's {@code topic/partition/offset} is recorded in the same
 * transaction as its intake,
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

    /**
     * The batch in one transaction: its events' keys recorded in one statement, and the new ones' documents taken
     * in as one submission per run of events of one topic (intake's few statements for all of them, where one
     * transaction per event made Kafka intake far slower than the API's). When the batch fails, each event is
     * applied in its own transaction, as before.
     */
    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> applyAll(records));
        } catch (RuntimeException e) {
            log.warn("A batch of {} Kafka events failed together; each is applied alone: {}", records.size(),
                    e.toString());
            for (ConsumerRecord<String, byte[]> record : records) {
                tx.executeWithoutResult(status -> applyAll(List.of(record)));
            }
        }
    }

    private void applyAll(List<ConsumerRecord<String, byte[]>> records) {
        String[] keys = records.stream().map(KafkaIntake::eventKey).toArray(String[]::new);
        Set<String> fresh = new HashSet<>(jdbc.queryForList("""
                INSERT INTO intake_event (event_key, applied_at) SELECT k, ? FROM unnest(?::text[]) AS k
                ON CONFLICT DO NOTHING RETURNING event_key""", String.class, Timestamp.from(clock.instant()),
                (Object) keys));
        List<ConsumerRecord<String, byte[]>> run = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!fresh.remove(eventKey(record))) {
                log.debug("Kafka event {} was applied before; skipped", eventKey(record));
                continue;
            }
            if (!run.isEmpty() && !run.getFirst().topic().equals(record.topic())) {
                submit(run);
                run.clear();
            }
            run.add(record);
        }
        if (!run.isEmpty()) {
            submit(run);
        }
    }

    /** Events of one topic, as one submission of its source. */
    private void submit(List<ConsumerRecord<String, byte[]>> events) {
        List<ConsumerRecord<String, byte[]>> taken = new ArrayList<>(events.size());
        List<Intake.Document> documents = new ArrayList<>(events.size());
        for (ConsumerRecord<String, byte[]> record : events) {
            if (record.value() == null || record.value().length == 0) {
                ParseResult<Doi> doi = record.key() == null ? null : Doi.tryParse(record.key());
                if (doi instanceof ParseResult.Valid<Doi> valid) {
                    documents.add(new Intake.Document.Deletion(valid.value()));
                    taken.add(record);
                } else {
                    log.warn("Kafka event {} has no value and its key is not a DOI ({}); ignored", eventKey(record),
                            record.key());
                }
            } else {
                documents.add(new Intake.Document.Metadata(record.value(), contentType(record)));
                taken.add(record);
            }
        }
        if (documents.isEmpty()) {
            return;
        }
        List<IntakeReport> reports = intake.submitAll(documents, source(events.getFirst().topic()));
        for (int i = 0; i < reports.size(); i++) {
            IntakeReport report = reports.get(i);
            String eventKey = eventKey(taken.get(i));
            if (report.rejected() > 0) {
                report.dois().stream().filter(o -> o.status() == org.pidlink.app.intake.DoiOutcome.Status.REJECTED)
                        .forEach(o -> log.warn("Kafka event {}: record {} rejected: {}{}", eventKey,
                                o.doi() == null ? "(no DOI)" : o.doi(), o.reason(),
                                o.location() == null ? "" : " at " + o.location()));
            }
        }
    }

    private static String eventKey(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }

    private static String contentType(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("content-type");
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
