package org.pidlink.app.registrants;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Suggestions on a Kafka topic too, when {@code pidlink.registrants.kafka.enabled=true}: each keyed by registrant id
 * (one partition keeps one registrant's order), sent from the outbox like webhooks, so a broker that is down delays
 * them and loses none.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("pidlink.registrants.kafka.enabled")
class RegistrantsKafkaConfiguration {

    @Bean(destroyMethod = "close")
    KafkaProducer<String, String> suggestionsProducer(RegistrantsProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        if (properties.kafka().clientId() != null) {
            config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.kafka().clientId());
        }
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    @Bean
    DeliveryWorker.KafkaSender suggestionsKafkaSender(KafkaProducer<String, String> producer,
                                                      RegistrantsProperties properties) {
        String topic = properties.kafka().topic();
        return (registrantId, payload) -> producer.send(new ProducerRecord<>(topic, Long.toString(registrantId), payload))
                .get(35, TimeUnit.SECONDS);
    }
}
