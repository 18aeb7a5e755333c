package org.pidlink.app.registrants;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pidlink.registrants.*}.
 *
 * @param scanInterval      how often the claims on registrant DOIs are looked at when nothing woke the scanner
 * @param batchSize         claims looked at per turn
 * @param nameMatch         the name score from which the metadata counts as naming a researcher (0..1)
 * @param checkRecordStates read ORCID's state of every iD in registrant metadata (deprecated, deactivated)
 * @param delivery          the webhook and Kafka outbox
 * @param kafka             the Kafka topic suggestions are published to, when enabled
 */
@ConfigurationProperties("pidlink.registrants")
public record RegistrantsProperties(
        @DefaultValue("30s") Duration scanInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("0.8") double nameMatch,
        @DefaultValue("true") boolean checkRecordStates,
        @DefaultValue Delivery delivery,
        @DefaultValue Kafka kafka) {

    /**
     * @param pollInterval how often the outbox is looked at when nothing woke the worker
     * @param timeout      how long a webhook call may take
     * @param firstRetry   the wait after the first failed attempt; it doubles with each further failure
     * @param maxRetry     the longest wait between attempts
     * @param maxAttempts  attempts before a delivery is given up (the log shows it as failed)
     */
    public record Delivery(@DefaultValue("5s") Duration pollInterval, @DefaultValue("10s") Duration timeout,
                           @DefaultValue("30s") Duration firstRetry, @DefaultValue("6h") Duration maxRetry,
                           @DefaultValue("10") int maxAttempts) {
    }

    /**
     * @param enabled          publish each suggestion to {@code topic} as well
     * @param bootstrapServers the Kafka brokers
     * @param topic            the topic, keyed by registrant id
     */
    public record Kafka(@DefaultValue("false") boolean enabled, @DefaultValue("localhost:9092") String bootstrapServers,
                        @DefaultValue("link-suggestions") String topic, @Nullable String clientId) {
    }
}
