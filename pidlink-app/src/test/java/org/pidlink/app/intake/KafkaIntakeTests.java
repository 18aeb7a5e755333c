package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.kafka.KafkaIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * DOI metadata events from Kafka (an in-JVM broker): at least once, deduplicated. Issue 7.
 * The context (and its broker) is closed after this class: left to the JVM's exit, Kafka's own exit hook deletes
 * the broker's log directory first and the broker's shutdown then stalls the test JVM.
 */
@DirtiesContext
@EmbeddedKafka(partitions = 1, topics = KafkaIntakeTests.TOPIC)
@TestPropertySource(properties = {
        "pidlink.intake.kafka.enabled=true",
        "pidlink.intake.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "pidlink.intake.kafka.topic=" + KafkaIntakeTests.TOPIC,
        "pidlink.intake.kafka.group-id=pidlink-tests"})
class KafkaIntakeTests extends IntakeTestSupport {

    static final String TOPIC = "doi-metadata-tests";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    Intake intake;

    @Test
    void consumesMetadataEventsAndTombstones() throws Exception {
        String doi = TestRecords.newDoi();
        String researcher = TestRecords.newOrcid();
        byte[] event = TestRecords.dataciteJson(doi, "findable", "Streamed data", List.of(researcher), List.of())
                .getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, doi, event);
            record.headers().add("content-type", "application/vnd.api+json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            // The same event published twice (a producer retry) changes nothing.
            producer.send(new ProducerRecord<>(TOPIC, doi, event)).get();
        }

        eventually(() -> assertThat(claim(researcher, doi)).isPresent());
        eventually(() -> assertThat(jdbc.queryForObject("SELECT count(*) FROM intake_event WHERE event_key LIKE ?",
                Integer.class, TOPIC + "/%")).isGreaterThanOrEqualTo(2));
        assertThat(jdbc.queryForObject("SELECT source FROM intake_doi WHERE doi = ?", String.class, doi))
                .isEqualTo("kafka:" + TOPIC);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM intake_task WHERE doi = ?", Integer.class, doi)
                + claimsOf(doi)).isEqualTo(1);

        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, doi, null)).get();
        }
        eventually(() -> assertThat(claim(researcher, doi)).isEmpty());
        assertThat(jdbc.queryForObject("SELECT skip_reason FROM intake_doi WHERE doi = ?", String.class, doi))
                .isEqualTo("the DOI was deleted");
    }

    @Test
    void aRedeliveredEventIsRecognizedAndSkipped() {
        KafkaIntake listener = new KafkaIntake(intake, jdbc.getDataSource(), Clock.systemUTC());
        String doi = TestRecords.newDoi();
        String first = TestRecords.newOrcid();
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>("replayed", 0, 7L, doi,
                TestRecords.dataciteJson(doi, "findable", "Original", List.of(first), List.of())
                        .getBytes(StandardCharsets.UTF_8));
        listener.onMessage(List.of(original));
        String second = TestRecords.newOrcid();
        listener.onMessage(List.of(new ConsumerRecord<>("replayed", 0, 8L, doi,
                TestRecords.dataciteJson(doi, "findable", "Newer", List.of(second), List.of())
                        .getBytes(StandardCharsets.UTF_8))));
        drainIntake();

        // After a rebalance the broker redelivers offset 7: it must not bring the old metadata back.
        listener.onMessage(List.of(original));
        drainIntake();

        assertThat(claim(first, doi)).isEmpty();
        assertThat(claim(second, doi)).hasValueSatisfying(c -> assertThat(c.title()).isEqualTo("Newer"));
    }

    @Test
    void aBatchOfEventsIsTakenInAsTheEventsOneByOneWould() {
        KafkaIntake listener = new KafkaIntake(intake, jdbc.getDataSource(), Clock.systemUTC());
        String deleted = TestRecords.newDoi();
        String kept = TestRecords.newOrcid();
        ConsumerRecord<String, byte[]> applied = event("batched", 1L, deleted, "Deleted later", kept);
        listener.onMessage(List.of(applied));
        String changed = TestRecords.newDoi();
        String before = TestRecords.newOrcid();
        String after = TestRecords.newOrcid();
        String elsewhere = TestRecords.newDoi();
        String other = TestRecords.newOrcid();

        // One poll: an event applied before (redelivered), a DOI changed twice, another topic, a tombstone.
        listener.onMessage(List.of(applied, event("batched", 2L, changed, "First", before),
                event("batched", 3L, changed, "Second", after), event("batched-too", 1L, elsewhere, "Other", other),
                new ConsumerRecord<>("batched", 0, 4L, deleted, null)));
        drainIntake();

        assertThat(claim(before, changed)).isEmpty();
        assertThat(claim(after, changed)).hasValueSatisfying(c -> assertThat(c.title()).isEqualTo("Second"));
        assertThat(claim(other, elsewhere)).isPresent();
        assertThat(jdbc.queryForObject("SELECT source FROM intake_doi WHERE doi = ?", String.class, elsewhere))
                .isEqualTo("kafka:batched-too");
        assertThat(claim(kept, deleted)).as("the tombstone withdrew it").isEmpty();
        assertThat(jdbc.queryForList("SELECT event_key FROM intake_event WHERE event_key LIKE 'batched%'", String.class))
                .containsExactlyInAnyOrder("batched/0/1", "batched/0/2", "batched/0/3", "batched-too/0/1",
                        "batched/0/4");
    }

    private static ConsumerRecord<String, byte[]> event(String topic, long offset, String doi, String title,
                                                        String orcid) {
        return new ConsumerRecord<>(topic, 0, offset, doi, TestRecords.dataciteJson(doi, "findable", title,
                List.of(orcid), List.of()).getBytes(StandardCharsets.UTF_8));
    }

    private int claimsOf(String doi) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM claim WHERE doi = ?", Integer.class, doi);
        return n == null ? 0 : n;
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(),
                new ByteArraySerializer());
    }
}
