package org.pidlink.app.reconcile;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.accounts.PermissionStatus;
import org.pidlink.app.accounts.ResearcherDisconnected;
import org.pidlink.app.accounts.StoredPermission;
import org.pidlink.app.accounts.WritePermissionGranted;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.orcid.OrcidPreset;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.orcid.PublicUrl;
import org.pidlink.app.reconcile.WebhookStore.StoredWebhook;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.OrcidWebhooksClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Registers an ORCID webhook for a researcher when she grants pidlink write permission, and unregisters it when she
 * disconnects. The callback is pidlink's public base URL + {@code /orcid/webhook/{secret}}, a random secret per
 * researcher: ORCID's callback carries no credentials, so the unguessable path is what authenticates it. ORCID is
 * called after the event's transaction commits, one call at a time in event order (a grant and a disconnection
 * right after it must not swap), never on the researcher's request thread.
 */
@Service
class WebhookRegistrar implements DisposableBean {

    static final String CALLBACK_PATH = "/orcid/webhook/";
    private static final Logger log = LoggerFactory.getLogger(WebhookRegistrar.class);
    private static final int SECRET_BYTES = 32;

    private final ReconcileProperties properties;
    private final PublicUrl publicUrl;
    private final OrcidRegistrations registrations;
    private final WebhookStore store;
    private final WritePermissions permissions;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService calls =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("pidlink-webhooks").factory());
    /** Client-credentials {@code /webhook} tokens by registration: ORCID's last for years and serve every record. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicBoolean toldNoBaseUrl = new AtomicBoolean();
    private volatile @Nullable URI localBaseUrl;

    WebhookRegistrar(ReconcileProperties properties, OrcidRegistrations registrations, WebhookStore store,
                     WritePermissions permissions, PublicUrl publicUrl) {
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.registrations = registrations;
        this.store = store;
        this.permissions = permissions;
    }

    /** In the emulator preset ORCID runs beside pidlink and calls it back on its local address. */
    @EventListener
    void webServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            localBaseUrl = URI.create("http://127.0.0.1:" + event.getWebServer().getPort());
        }
    }

    /**
     * At start, researchers who hold an active permission but no registered webhook get one: they connected before
     * webhooks were enabled, or ORCID could not be reached when they granted.
     */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (enabled()) {
            submit(this::registerMissing);
        }
    }

    void registerMissing() {
        Set<OrcidId> done = new HashSet<>(store.registeredOrcids());
        for (StoredPermission permission : permissions.all()) {
            if (permission.status() == PermissionStatus.ACTIVE && done.add(permission.orcid())) {
                register(permission.orcid(), registrations.canonical(permission.registrationId()));
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void granted(WritePermissionGranted event) {
        if (enabled()) {
            submit(() -> register(event.orcid(), registrations.canonical(event.registrationId())));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void disconnected(ResearcherDisconnected event) {
        submit(() -> unregister(event.orcid()));
    }

    private boolean enabled() {
        Boolean enabled = properties.enabled();
        return enabled != null ? enabled : registrations.preset() == OrcidPreset.EMULATOR;
    }

    private void submit(Runnable call) {
        try {
            calls.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    log.warn("An ORCID webhook call failed", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            log.debug("pidlink is stopping; ORCID webhook call dropped");
        }
    }

    private Optional<URI> baseUrl() {
        if (properties.publicBaseUrl() != null) {
            return Optional.of(properties.publicBaseUrl());
        }
        if (publicUrl.get().isPresent()) {
            return publicUrl.get();
        }
        URI local = localBaseUrl;
        return registrations.preset() == OrcidPreset.EMULATOR ? Optional.ofNullable(local) : Optional.empty();
    }

    /** Registers the researcher's webhook (again, when she has one: ORCID answers 204 for a known one). */
    void register(OrcidId orcid, String registration) {
        Optional<StoredWebhook> existing = store.find(orcid);
        String callback;
        String registeredBy;
        if (existing.isPresent()) {
            callback = existing.get().callback();
            registeredBy = existing.get().registrationId();
        } else {
            Optional<URI> base = baseUrl();
            if (base.isEmpty()) {
                if (toldNoBaseUrl.compareAndSet(false, true)) {
                    log.warn("ORCID webhooks are not registered: set pidlink.public-url to the URL where ORCID "
                            + "reaches pidlink (or pidlink.reconcile.enabled=false)");
                }
                return;
            }
            callback = newWebhook(orcid, registration, base.get());
            registeredBy = registration;
        }
        OrcidResult<Boolean> result = withToken(registeredBy,
                token -> registrations.client(registeredBy).on(CallClass.HOUSEKEEPING.context(registeredBy)).webhooks().register(orcid, URI.create(callback), token));
        switch (result) {
            case OrcidResult.Ok<Boolean> ok -> {
                store.registered(orcid);
                log.info("ORCID webhook {} for {}", ok.value() ? "registered" : "already registered", orcid);
            }
            case OrcidResult.Failed<Boolean> failed -> log.warn("ORCID refused the webhook for {}: {}", orcid,
                    failed.error().problem().summary());
        }
    }

    /** A new random secret for the researcher, kept (hashed) before ORCID hears of it; the callback URL. */
    private String newWebhook(OrcidId orcid, String registration, URI base) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String callback = withoutTrailingSlash(base) + CALLBACK_PATH + secret;
        store.save(orcid, registration, secret, callback);
        return callback;
    }

    /** Unregisters the researcher's webhook and forgets its secret, so a later callback is answered 404. */
    void unregister(OrcidId orcid) {
        Optional<StoredWebhook> existing = store.find(orcid);
        if (existing.isEmpty()) {
            return;
        }
        StoredWebhook hook = existing.get();
        store.delete(orcid);
        OrcidResult<Void> result = withToken(hook.registrationId(), token -> registrations.client(hook.registrationId())
                .on(CallClass.HOUSEKEEPING.context(hook.registrationId())).webhooks().unregister(orcid, URI.create(hook.callback()), token));
        if (result instanceof OrcidResult.Failed<Void> failed && !(failed.error() instanceof OrcidError.NotFound)) {
            // Its secret is forgotten, so ORCID's callbacks get 404s until it gives up on them.
            log.warn("Could not unregister the ORCID webhook for {}: {}", orcid, failed.error().problem().summary());
        } else {
            log.info("ORCID webhook unregistered for {}", orcid);
        }
    }

    private <T> OrcidResult<T> withToken(String registration,
                                         Function<String, OrcidResult<T>> call) {
        String token = tokens.get(registration);
        if (token == null) {
            OrcidResult<String> fetched = registrations.client(registration).oauth()
                    .clientCredentials(OrcidWebhooksClient.SCOPE).map(t -> t.accessToken());
            if (fetched instanceof OrcidResult.Failed<String> failed) {
                return OrcidResult.failed(failed.error());
            }
            token = fetched.orElseThrow();
            tokens.put(registration, token);
        }
        OrcidResult<T> result = call.apply(token);
        if (result instanceof OrcidResult.Failed<T> failed && failed.error() instanceof OrcidError.TokenRejected) {
            tokens.remove(registration, token);
        }
        return result;
    }

    private static String withoutTrailingSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }
}
