package org.pidlink.orcid.client;

import java.net.http.HttpClient;
import java.util.Objects;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entry point: one HTTP/1.1 connection pool shared by {@link #oauth()}, {@link #works()},
 * {@link #affiliations()}, {@link #notifications()} and {@link #webhooks()}. Create one per ORCID environment and keep it for the application's life; close it to
 * release its connections.
 *
 * <pre>{@code
 * OrcidClient orcid = OrcidClient.builder(OrcidClientSettings.sandbox(id, secret))
 *         .rateLimiter(sharedLimiter).listener(auditLog::record).build();
 * OrcidResult<Long> created = orcid.works().createWork(researcher, token, workJson);
 * }</pre>
 */
public final class OrcidClient implements AutoCloseable {

    private final OrcidClientSettings settings;
    private final HttpClient http;
    private final OrcidOAuthClient oauth;
    private final OrcidWorksClient works;
    private final OrcidAffiliationsClient affiliations;
    private final OrcidNotificationsClient notifications;
    private final OrcidWebhooksClient webhooks;
    private final OrcidRecordClient records;
    private final OrcidHttp exchange;
    private final ObjectMapper mapper;
    /** False for a view made by {@link #on}: the connections belong to the client it was made from. */
    private final boolean ownsConnections;

    private OrcidClient(Builder builder) {
        // HTTP/1.1 keep-alive: ORCID's edge limits by request rate, and h2 buys nothing for our request sizes.
        this(builder.settings, HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), null, builder, JsonMapper.builder().build(), true);
    }

    private OrcidClient(OrcidClientSettings settings, HttpClient http, OrcidHttp exchange, Builder builder,
                        ObjectMapper mapper, boolean ownsConnections) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.ownsConnections = ownsConnections;
        this.exchange = exchange != null ? exchange
                : new OrcidHttp(http, builder.rateLimiter, builder.listener, OrcidCallContext.NONE);
        this.oauth = new OrcidOAuthClient(settings, this.exchange, mapper);
        this.works = new OrcidWorksClient(settings, this.exchange, mapper);
        this.affiliations = new OrcidAffiliationsClient(settings, this.exchange, mapper);
        this.notifications = new OrcidNotificationsClient(settings, this.exchange, mapper);
        this.webhooks = new OrcidWebhooksClient(settings, this.exchange, mapper);
        this.records = new OrcidRecordClient(settings, this.exchange, mapper);
    }

    /**
     * This client, with every call made for {@code context}: its rate limiter and listener see the context with
     * each call. The view shares this client's connections (closing it does nothing); it is cheap to make per call.
     */
    public OrcidClient on(OrcidCallContext context) {
        return new OrcidClient(settings, http, exchange.on(context), null, mapper, false);
    }

    public static OrcidClient create(OrcidClientSettings settings) {
        return builder(settings).build();
    }

    public static Builder builder(OrcidClientSettings settings) {
        return new Builder(settings);
    }

    public OrcidOAuthClient oauth() {
        return oauth;
    }

    public OrcidWorksClient works() {
        return works;
    }

    /** The seven affiliation kinds (employment, education, …): create, update, delete, read. */
    public OrcidAffiliationsClient affiliations() {
        return affiliations;
    }

    /** ORCID's inbox: permission requests (needs a {@value OrcidNotificationsClient#SCOPE} token). */
    public OrcidNotificationsClient notifications() {
        return notifications;
    }

    /** ORCID's webhooks: callbacks when a record changes (needs a {@value OrcidWebhooksClient#SCOPE} token). */
    public OrcidWebhooksClient webhooks() {
        return webhooks;
    }

    /** Whole-record reads: the trust markers of ORCID's record summary (needs a {@code /read-public} token). */
    public OrcidRecordClient records() {
        return records;
    }

    public OrcidClientSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (ownsConnections) {
            http.close();
        }
    }

    public static final class Builder {

        private final OrcidClientSettings settings;
        private OrcidRateLimiter rateLimiter = OrcidRateLimiter.unlimited();
        private OrcidCallListener listener = OrcidCallListener.none();

        private Builder(OrcidClientSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Called before every member-API request; default: no limit. */
        public Builder rateLimiter(OrcidRateLimiter limiter) {
            this.rateLimiter = Objects.requireNonNull(limiter, "limiter");
            return this;
        }

        /** Told about every exchange (member API and OAuth); default: nobody. */
        public Builder listener(OrcidCallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public OrcidClient build() {
            return new OrcidClient(this);
        }
    }
}
