package org.pidlink.bench.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** An in-JVM Kafka broker with the topic pidlink reads DOI metadata events from, for {@code --kafka}. */
final class KafkaTopic implements AutoCloseable {

    private static final String TOPIC = "doi-metadata";

    private final EmbeddedKafkaKraftBroker broker;

    private KafkaTopic(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static KafkaTopic start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4, TOPIC);
        broker.afterPropertiesSet();
        return new KafkaTopic(broker);
    }

    /** pidlink's properties that make it consume the topic. */
    Map<String, Object> properties() {
        return Map.of("pidlink.intake.kafka.enabled", "true",
                "pidlink.intake.kafka.bootstrap-servers", broker.getBrokersAsString(),
                "pidlink.intake.kafka.topic", TOPIC);
    }

    /** Publishes every record as one event, keyed by DOI. */
    void send(AggregateRecords records, int dois) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int d = 0; d < dois; d++) {
                producer.send(new ProducerRecord<>(TOPIC, AggregateRecords.doi(d),
                        records.jsonLine(d).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
