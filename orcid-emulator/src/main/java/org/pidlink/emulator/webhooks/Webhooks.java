package org.pidlink.emulator.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.api.OrcidErrors;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.oauth.PremiumApiGate;
import org.pidlink.emulator.oauth.PremiumApiGate.Call;
import org.pidlink.emulator.state.Scopes;
import org.pidlink.emulator.state.StateListener;
import org.pidlink.emulator.state.StateSection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks (orcid-api.md §6): {@code PUT /{orcid}/webhook/{url-encoded callback}} with a {@code /webhook} token
 * registers (201 with Location, 204 if it exists; bad URI 400/9012; unknown iD 404/9011), {@code DELETE}
 * unregisters (204; none 404/9028; another client's 403/9014). Every change to the record then triggers a
 * callback ({@link WebhookDelivery}). Tests reach the delivery log and the retry policy through {@link #of}.
 */
public final class Webhooks implements EmulatorModule {

    private static final String SECTION = "webhooks";
    private final Map<String, Webhook> hooks = new ConcurrentHashMap<>();
    /** Orders changes with their journal lines (see {@link org.pidlink.emulator.state.StateJournal}). */
    private final Object changes = new Object();
    private EmulatorContext context;
    private PremiumApiGate gate;
    private OrcidErrors errors;
    private WebhookDelivery delivery;

    /** This emulator's webhooks module (registered at start). */
    public static Webhooks of(EmulatorContext ctx) {
        return ctx.shared(Webhooks.class, () -> {
            throw new IllegalStateException("the webhooks module is not registered");
        });
    }

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        if (ctx.shared(Webhooks.class, () -> this) != this) {
            throw new IllegalStateException("one webhooks module per emulator");
        }
        this.context = ctx;
        this.errors = new OrcidErrors();
        this.gate = new PremiumApiGate(ctx.state(), errors, ctx::json);
        this.delivery = new WebhookDelivery(ctx.state(), this::journal);
        ctx.onClose(delivery);
        ctx.state().addListener(new StateListener() {
            @Override
            public void recordChanged(String orcid, Instant at) {
                for (Webhook h : hooks.values()) {
                    if (h.orcid.equals(orcid)) {
                        delivery.changed(h);
                    }
                }
            }

            @Override
            public void reset() {
                hooks.values().forEach(Webhook::remove);
                hooks.clear();
                delivery.clear();
            }
        });
        ctx.state().addSection(new Section());
        routes.put("/{orcid}/webhook/{uri*}", RouteKind.API, gate.guard(Scopes.WEBHOOK, 9011, this::put));
        routes.delete("/{orcid}/webhook/{uri*}", RouteKind.API, gate.guard(Scopes.WEBHOOK, 9011, this::delete));
    }

    Response put(Call call) {
        String orcid = call.researcher().orcid();
        String uri = validUri(call.request().pathVariable("uri"));
        Webhook created = new Webhook(orcid, uri, call.token().clientId(), context.state().now());
        synchronized (changes) {
            if (hooks.putIfAbsent(key(orcid, uri), created) != null) {
                return Response.empty(204);
            }
            journal(created);
        }
        return Response.empty(201).withHeader("Location", context.baseUrl() + "/" + orcid + "/webhook/"
                + URLEncoder.encode(uri, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    Response delete(Call call) {
        String orcid = call.researcher().orcid();
        String uri = call.request().pathVariable("uri");
        Webhook h = hooks.get(key(orcid, uri));
        if (h == null) {
            throw errors.exception(404, 9028, null, Map.of("orcid", orcid, "uri", uri));
        }
        if (!h.clientId.equals(call.token().clientId())) {
            throw errors.exception(403, 9014,
                    "Unable to unregister webhook: Only the client that register the webhook can unregister it.");
        }
        synchronized (changes) {
            if (hooks.remove(key(orcid, uri), h)) {
                h.remove();
                context.state().journal().section(SECTION, new Change(null, saved(h)));
            }
        }
        return Response.empty(204);
    }

    private String validUri(String uri) {
        try {
            URI parsed = new URI(uri.contains("://") ? uri : "http://" + uri);
            if (parsed.getHost() == null || !(parsed.getScheme().equals("http") || parsed.getScheme().equals("https"))) {
                throw new URISyntaxException(uri, "needs an http(s) host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw errors.exception(400, 9012, "Webhook uri: " + uri + " is syntactically incorrect");
        }
    }

    /**
     * A webhook in the state file: who registered which callback for which record, and when it was last called.
     * Deliveries under way are not saved; the next change of the record calls the webhook again.
     */
    record Saved(String orcid, String uri, String clientId, Instant created, Instant lastSent) {
    }

    /** One change in the journal: a webhook registered or called back ({@code put}), or unregistered. */
    record Change(Saved put, Saved removed) {
    }

    private static Saved saved(Webhook h) {
        return new Saved(h.orcid, h.uri, h.clientId, h.created, h.lastSent());
    }

    private void journal(Webhook h) {
        synchronized (changes) {
            if (hooks.get(key(h.orcid, h.uri)) == h) {
                context.state().journal().section(SECTION, new Change(saved(h), null));
            }
        }
    }

    private final class Section implements StateSection {
        @Override
        public String name() {
            return SECTION;
        }

        @Override
        public Object snapshot() {
            return hooks.values().stream()
                    .map(Webhooks::saved)
                    .sorted(Comparator.comparing(Saved::orcid).thenComparing(Saved::uri))
                    .toList();
        }

        @Override
        public void restore(JsonNode saved, JsonMapper json) {
            hooks.values().forEach(Webhook::remove);
            hooks.clear();
            for (JsonNode node : saved) {
                put(json.treeToValue(node, Saved.class));
            }
        }

        @Override
        public void replay(JsonNode entry, JsonMapper json) {
            Change c = json.treeToValue(entry, Change.class);
            if (c.put() != null) {
                put(c.put());
            } else {
                Webhook gone = hooks.remove(key(c.removed().orcid(), c.removed().uri()));
                if (gone != null) {
                    gone.remove();
                }
            }
        }

        private void put(Saved s) {
            Webhook h = new Webhook(s.orcid(), s.uri(), s.clientId(), s.created());
            if (s.lastSent() != null) {
                h.sent(s.lastSent());
            }
            Webhook replaced = hooks.put(key(s.orcid(), s.uri()), h);
            if (replaced != null) {
                replaced.remove();
            }
        }
    }

    private static String key(String orcid, String uri) {
        return orcid + " " + uri;
    }

    /** Callback attempts so far (the latest thousand), oldest first. */
    public List<DeliveryAttempt> attempts() {
        return delivery.attempts();
    }

    /** Changes how failed callbacks are retried (e.g. a shorter unit in tests). */
    public void retryPolicy(RetryPolicy policy) {
        delivery.policy(policy);
    }

    /** The webhooks registered for a record: their callback URIs. */
    public List<String> registered(String orcid) {
        return hooks.values().stream().filter(h -> h.orcid.equals(orcid)).map(h -> h.uri).sorted().toList();
    }
}
