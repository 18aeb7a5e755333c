package org.pidlink.emulator.inbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.EmulatorModule;
import org.pidlink.emulator.api.ApiException;
import org.pidlink.emulator.api.Format;
import org.pidlink.emulator.api.OrcidErrors;
import org.pidlink.emulator.http.Response;
import org.pidlink.emulator.http.RouteKind;
import org.pidlink.emulator.http.Routes;
import org.pidlink.emulator.inbox.PermissionNotification.AuthorizationUrl;
import org.pidlink.emulator.inbox.PermissionNotification.Item;
import org.pidlink.emulator.oauth.PremiumApiGate;
import org.pidlink.emulator.oauth.PremiumApiGate.Call;
import org.pidlink.emulator.state.Client;
import org.pidlink.emulator.state.Scopes;

/**
 * The notification-permission API, the ORCID inbox seen from a member client (orcid-api.md §7):
 * {@code POST /v3.0/{orcid}/notification-permission} (201 + Location), {@code GET} the client's list or one by
 * put-code, {@code DELETE} to archive (200 with the notification; 403/9009 once read). A
 * {@code /premium-notification} token is required. Bodies are XML or JSON, validated against ORCID's
 * notification-permission-3.0.xsd.
 */
public final class NotificationPermissionApi implements EmulatorModule {

    /** How ORCID names the client in {@code source}. */
    static final String CLIENT_HOST = "orcid.org";
    private static final String BASE = "/v3.0/{orcid}/notification-permission";

    private EmulatorContext context;
    private Inbox inbox;
    private PremiumApiGate gate;
    private OrcidErrors errors;
    private NotificationXml xml;
    private NotificationJson jsonBodies;
    private ExternalIdNormalizer identifiers;

    @Override
    public void register(Routes routes, EmulatorContext ctx) {
        this.context = ctx;
        this.inbox = Inbox.of(ctx);
        this.errors = new OrcidErrors();
        this.gate = new PremiumApiGate(ctx.state(), errors, ctx::json);
        this.xml = new NotificationXml();
        this.jsonBodies = new NotificationJson(ctx::json);
        this.identifiers = ExternalIdNormalizer.standard();
        routes.post(BASE, RouteKind.API, gate.guard(Scopes.PREMIUM_NOTIFICATION, 9016, this::create));
        routes.get(BASE, RouteKind.API, gate.guard(Scopes.PREMIUM_NOTIFICATION, 9016, this::list));
        routes.get(BASE + "/{putCode}", RouteKind.API, gate.guard(Scopes.PREMIUM_NOTIFICATION, 9016, this::read));
        routes.delete(BASE + "/{putCode}", RouteKind.API, gate.guard(Scopes.PREMIUM_NOTIFICATION, 9016, this::archive));
    }

    Response create(Call call) {
        Format in = Format.ofContentType(call.request().header("Content-Type"));
        if (in == null) {
            throw errors.exception(415, 9001, "HTTP 415 Unsupported Media Type");
        }
        PermissionNotification n;
        try {
            if (in == Format.XML) {
                n = xml.read(call.request().body());
            } else {
                n = jsonBodies.read(call.request().body());
                xml.validate(n);
            }
        } catch (InvalidNotification e) {
            throw errors.exception(400, 9001, e.getMessage());
        }
        n = withAuthorizationUrl(n);
        checkItems(n.items());
        String orcid = call.researcher().orcid();
        if (!inbox.accepts(orcid)) {
            throw errors.exception(409, 9032, null);
        }
        String clientId = call.token().clientId();
        String clientName = context.state().client(clientId).map(Client::name).orElse(clientId);
        StoredNotification stored = inbox.add(orcid, clientId, clientName, n);
        return Response.empty(201).withHeader("Location",
                context.baseUrl() + "/v3.0/" + orcid + "/notification-permission/" + stored.putCode());
    }

    /** The authorization URL must be a URI (9020); ORCID completes uri, path and host from each other. */
    private PermissionNotification withAuthorizationUrl(PermissionNotification n) {
        AuthorizationUrl u = n.authorizationUrl();
        String uri = blankToNull(u.uri());
        String path = blankToNull(u.path());
        String host = blankToNull(u.host());
        if (uri != null) {
            URI parsed;
            try {
                parsed = new URI(uri.trim());
            } catch (URISyntaxException e) {
                throw invalidUrl(uri);
            }
            if (!parsed.isAbsolute() || parsed.getHost() == null) {
                throw invalidUrl(uri);
            }
            if (path == null) {
                path = parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery());
            }
            if (host == null) {
                host = parsed.getHost();
            }
        } else if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw invalidUrl(path);
        } else {
            URI base = URI.create(context.baseUrl());
            uri = context.baseUrl() + path;
            host = host == null ? base.getHost() : host;
        }
        try {
            // The path becomes a Location header on the inbox page: it must be a URI reference, no raw spaces or CR/LF.
            new URI(path);
        } catch (URISyntaxException e) {
            throw invalidUrl(path);
        }
        return new PermissionNotification(new AuthorizationUrl(uri, path, host), n.subject(), n.intro(), n.items());
    }

    private ApiException invalidUrl(String value) {
        return errors.exception(400, 9020, "The authorization URL is not a valid URI: " + value);
    }

    private void checkItems(List<Item> items) {
        for (Item item : items) {
            var id = item.externalId();
            if (id == null) {
                continue;
            }
            if (id.type() == null || !identifiers.isKnownType(id.type().trim())) {
                throw errors.exception(400, 9023, "External id type '" + id.type() + "' is not a known type");
            }
            if (id.value() == null || id.value().isBlank()) {
                throw errors.exception(400, 9023, "External id value is empty");
            }
            if (id.relationship() == null || id.relationship().isBlank()) {
                throw errors.exception(400, 9023, "External id relationship is required");
            }
        }
    }

    Response list(Call call) {
        String clientId = call.token().clientId();
        List<StoredNotification> mine = inbox.of(call.researcher().orcid()).stream()
                .filter(n -> n.sourceClientId().equals(clientId)).toList();
        byte[] body = call.out().format() == Format.JSON ? jsonBodies.writeList(mine, CLIENT_HOST)
                : xml.writeList(mine, CLIENT_HOST);
        return Response.of(200, call.out().contentType(), body);
    }

    Response read(Call call) {
        return render(call, 200, owned(call));
    }

    /** Archiving; ORCID refuses once the researcher has read it (403/9009). */
    Response archive(Call call) {
        StoredNotification n = owned(call);
        if (n.readDate() != null) {
            throw errors.exception(403, 9009, null);
        }
        return render(call, 200, inbox.archive(n.orcid(), n.putCode()).orElse(n));
    }

    private StoredNotification owned(Call call) {
        String orcid = call.researcher().orcid();
        String raw = call.request().pathVariable("putCode");
        StoredNotification n = null;
        try {
            n = inbox.get(orcid, Long.parseLong(raw)).orElse(null);
        } catch (NumberFormatException notANumber) {
            // falls through to 9029, as an unknown put-code
        }
        if (n == null) {
            throw errors.exception(404, 9029, null, Map.of("id", raw, "orcid", orcid));
        }
        if (!n.sourceClientId().equals(call.token().clientId())) {
            // ORCID's AccessControlException, mapped through SecurityException (orcid-api.md §7).
            throw errors.exception(403, 9004, "This notification does not belong to " + call.token().clientId());
        }
        return n;
    }

    private Response render(Call call, int status, StoredNotification n) {
        byte[] body = call.out().format() == Format.JSON ? jsonBodies.write(n, CLIENT_HOST) : xml.write(n, CLIENT_HOST);
        return Response.of(status, call.out().contentType(), body);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
