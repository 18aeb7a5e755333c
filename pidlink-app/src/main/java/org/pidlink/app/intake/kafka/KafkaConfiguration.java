package org.pidlink.app.intake.kafka;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.pidlink.app.intake.Intake;
import org.pidlink.app.intake.IntakeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The Kafka consumer of DOI metadata events, when {@code pidlink.intake.kafka.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("pidlink.intake.kafka.enabled")
class KafkaConfiguration {

    @Bean(destroyMethod = "stop")
    ConcurrentMessageListenerContainer<String, byte[]> doiMetadataConsumer(IntakeProperties properties,
                                                                           Intake intake, DataSource dataSource, Clock clock) {
        IntakeProperties.Kafka kafka = properties.kafka();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer());
        ContainerProperties containerProperties = new ContainerProperties(kafka.topic());
        // Offsets are committed after the listener stored the batch: at least once.
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setMessageListener(new KafkaIntake(intake, dataSource, clock));
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, containerProperties);
        container.setConcurrency(kafka.concurrency());
        // Only infrastructure fails here (the database); bad metadata is reported, not thrown. Retry, slower and
        // slower, rather than skip a message.
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2);
        backOff.setMaxInterval(60_000);
        container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        container.setAutoStartup(true);
        return container;
    }
}
