package org.pidlink.app.intake;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DOI metadata intake ({@code pidlink.intake.*}).
 *
 * @param includeContributors whether contributors' iDs get works, as well as creators' (DataCite only writes
 *                            creators'; a contributor is an author of the work too)
 * @param registrationId      the ORCID client registration auto-update writes with
 * @param maxRequestBytes     the largest request body {@code POST /api/v1/dois} reads
 * @param workers             threads that turn intake into claims (each owns a share of the researchers)
 * @param pollInterval        how often an idle intake worker looks for work another instance queued
 * @param demoKey             create and print an API key at start when ORCID is the embedded emulator
 * @param harvest             the DataCite harvest
 * @param kafka               the Kafka consumer
 * @param notifications       permission requests through the ORCID inbox
 * @param maxIdsPerRecord     researchers (ORCID iDs) of one record honoured in one pass, in metadata order; the
 *                            iDs beyond are reported in the answer ({@code rejectedIdentifiers}) and not written,
 *                            so that one record costs at most this many claims
 */
@ConfigurationProperties("pidlink.intake")
public record IntakeProperties(Boolean includeContributors, String registrationId, Long maxRequestBytes,
                               Integer workers, Duration pollInterval, Boolean demoKey, Harvest harvest, Kafka kafka,
                               Notifications notifications, Integer maxIdsPerRecord) {

    /** iDs honoured per record by default: above the author lists of almost every work, bounded in cost. */
    public static final int DEFAULT_MAX_IDS_PER_RECORD = 1000;

    public IntakeProperties {
        includeContributors = includeContributors == null || includeContributors;
        registrationId = registrationId == null || registrationId.isBlank() ? "auto-update" : registrationId;
        maxRequestBytes = maxRequestBytes == null ? 64L * 1024 * 1024 : maxRequestBytes;
        workers = workers == null ? 2 : workers;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        demoKey = demoKey == null || demoKey;
        harvest = harvest == null ? new Harvest(null, null, null, null, null, null, null, null, null) : harvest;
        kafka = kafka == null ? new Kafka(null, null, null, null, null) : kafka;
        notifications = notifications == null ? new Notifications(null, null, null, null, null, null, null, null, null)
                : notifications;
        maxIdsPerRecord = maxIdsPerRecord == null ? DEFAULT_MAX_IDS_PER_RECORD : maxIdsPerRecord;
        if (maxIdsPerRecord < 1) {
            throw new IllegalArgumentException("pidlink.intake.max-ids-per-record must be at least 1, got "
                    + maxIdsPerRecord);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("pidlink.intake.workers must be at least 1, got " + workers);
        }
    }

    /** The defaults. */
    public static IntakeProperties defaults() {
        return new IntakeProperties(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The incremental harvest of a DataCite-compatible REST API.
     *
     * @param enabled  off by default
     * @param baseUrl  the API, e.g. {@code https://api.datacite.org}; {@code /dois} is appended
     * @param interval how often a harvest runs
     * @param overlap  how far each window reaches back before the last high-water mark (records updated while
     *                 a walk ran land in the next window)
     * @param lag      how far behind now each window ends (the API's index lags its database)
     * @param start    where the first window starts when there is no checkpoint
     * @param query    an extra query ANDed with the updated range (e.g. a client-id filter), or empty
     * @param pageSize records per page (DataCite allows 1000)
     * @param unreachableAfter how long the source may fail (unreachable, refusing, answering nonsense) before the
     *                 health report says so ({@code harvest} DOWN in {@code /actuator/health})
     */
    public record Harvest(Boolean enabled, URI baseUrl, Duration interval, Duration overlap, Duration lag,
                          Duration start, String query, Integer pageSize, Duration unreachableAfter) {

        public Harvest {
            enabled = enabled != null && enabled;
            baseUrl = baseUrl == null ? URI.create("https://api.datacite.org") : baseUrl;
            interval = interval == null ? Duration.ofMinutes(5) : interval;
            overlap = overlap == null ? Duration.ofMinutes(10) : overlap;
            lag = lag == null ? Duration.ofMinutes(1) : lag;
            start = start == null ? Duration.ofDays(1) : start;
            query = query == null ? "" : query.strip();
            pageSize = pageSize == null ? 1000 : pageSize;
            unreachableAfter = unreachableAfter == null ? Duration.ofMinutes(30) : unreachableAfter;
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("pidlink.intake.harvest.page-size must be 1..1000, got " + pageSize);
            }
        }
    }

    /**
     * The Kafka consumer of DOI metadata events (one record per message; the key is the DOI; an empty value,
     * a tombstone, means the DOI was deleted).
     *
     * @param enabled          off by default
     * @param bootstrapServers the brokers
     * @param topic            the topic
     * @param groupId          the consumer group
     * @param concurrency      consumer threads
     */
    public record Kafka(Boolean enabled, String bootstrapServers, String topic, String groupId, Integer concurrency) {

        public Kafka {
            enabled = enabled != null && enabled;
            bootstrapServers = bootstrapServers == null ? "localhost:9092" : bootstrapServers;
            topic = topic == null ? "doi-metadata" : topic;
            groupId = groupId == null ? "pidlink-intake" : groupId;
            concurrency = concurrency == null ? 1 : concurrency;
        }
    }

    /**
     * Permission requests in the ORCID inbox for researchers pidlink does not know, sent when the registration's
     * client has ORCID's premium notification scope.
     *
     * @param enabled     on by default (nothing is sent without premium credentials)
     * @param resendAfter how long after a request the next may go, while the researcher has not connected
     * @param maxSends    requests sent at most to one researcher
     * @param maxItems    DOIs listed in one request
     * @param baseUrl     pidlink's public address, for the link that starts its connect flow; when empty, the
     *                    address the server runs on
     * @param subject     the notification's subject: ORCID's inbox titles it "Add {subject} to your ORCID record"
     * @param intro       its introduction (at most 1000 characters)
     * @param maxPerDoi   researchers one DOI may bring a new request to, at most: a record naming 10,000 iDs
     *                    must not flood 10,000 inboxes (the others' claims wait, and a later DOI may ask them)
     * @param maxPerSourcePerHour requests sent per hour at most because of one source's DOIs (API key, harvest,
     *                    Kafka topic); the rest wait for the next hour, so one source cannot spend ORCID's quota
     */
    public record Notifications(Boolean enabled, Duration resendAfter, Integer maxSends, Integer maxItems, URI baseUrl,
                                String subject, String intro, Integer maxPerDoi, Integer maxPerSourcePerHour) {

        public Notifications {
            enabled = enabled == null || enabled;
            resendAfter = resendAfter == null ? Duration.ofDays(30) : resendAfter;
            maxSends = maxSends == null ? 3 : maxSends;
            maxItems = maxItems == null ? 20 : maxItems;
            maxPerDoi = maxPerDoi == null ? 100 : maxPerDoi;
            maxPerSourcePerHour = maxPerSourcePerHour == null ? 500 : maxPerSourcePerHour;
            if (maxPerDoi < 0 || maxPerSourcePerHour < 1) {
                throw new IllegalArgumentException("pidlink.intake.notifications.max-per-doi must be at least 0 and "
                        + "max-per-source-per-hour at least 1");
            }
            subject = subject == null || subject.isBlank() ? "your recent works" : subject;
            intro = intro == null || intro.isBlank()
                    ? "pidlink found your ORCID iD in the metadata of these DOIs. Grant permission and pidlink keeps "
                    + "your ORCID record up to date with them, and with your future works."
                    : intro;
            if (intro.length() > 1000) {
                throw new IllegalArgumentException("pidlink.intake.notifications.intro is longer than 1000 characters");
            }
        }
    }
}
