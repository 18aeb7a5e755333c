package org.pidlink.app.orcid;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.pidlink.app.orcid.OrcidProperties.Credentials;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.OrcidClient;
import org.pidlink.orcid.client.OrcidClientSettings;

/**
 * pidlink's two ORCID client registrations and a ready {@link OrcidClient} for each.
 *
 * <p>Works pidlink adds on its own ({@link #AUTO_UPDATE}) and works a researcher claims through pidlink
 * ({@link #SEARCH_LINK}) are written by different ORCID clients when two are configured, so that ORCID's record
 * shows which is which as the works' source. With one client configured both registrations use it, and a
 * researcher's single permission serves both: {@link #canonical(String)} names the registration that holds it.
 */
public final class OrcidRegistrations implements AutoCloseable {

    /** Writes works found in DOI metadata, without the researcher's involvement. */
    public static final String AUTO_UPDATE = "auto-update";
    /** Writes works the researcher claims herself. */
    public static final String SEARCH_LINK = "search-link";
    /** The Spring Security registration of "Sign in with ORCID" (OpenID Connect), which uses the auto-update client. */
    public static final String SIGN_IN = "orcid";

    private final OrcidConnection connection;
    private final Map<String, OrcidClient> clients;

    /** @param customizer applied to each client's builder (rate limit, call listener) */
    public OrcidRegistrations(OrcidConnection connection, OrcidClientCustomizer customizer) {
        this.connection = connection;
        OrcidClient autoUpdate = client(connection.autoUpdate(), customizer);
        OrcidClient searchLink = shared(connection) ? autoUpdate : client(connection.searchLink(), customizer);
        this.clients = Map.of(AUTO_UPDATE, autoUpdate, SEARCH_LINK, searchLink);
    }

    private static boolean shared(OrcidConnection connection) {
        return connection.searchLink().clientId().equals(connection.autoUpdate().clientId());
    }

    private OrcidClient client(Credentials credentials, OrcidClientCustomizer customizer) {
        OrcidClient.Builder builder = OrcidClient.builder(new OrcidClientSettings(connection.apiBase(),
                connection.oauthBase(), credentials.clientId(), credentials.clientSecret(), null, null, "pidlink/0.1"));
        customizer.customize(builder);
        return builder.build();
    }

    /** {@link #AUTO_UPDATE} and {@link #SEARCH_LINK}. */
    public List<String> ids() {
        return List.of(AUTO_UPDATE, SEARCH_LINK);
    }

    /** Whether both registrations use one ORCID client. */
    public boolean shared() {
        return shared(connection);
    }

    /** The registration whose permission serves {@code registrationId}: itself, or auto-update when shared. */
    public String canonical(String registrationId) {
        requireKnown(registrationId);
        return shared() ? AUTO_UPDATE : registrationId;
    }

    /** The registrations a researcher grants separately: one when shared, both otherwise. */
    public List<String> distinct() {
        return shared() ? List.of(AUTO_UPDATE) : ids();
    }

    /** The ORCID client (OAuth and member API) of a registration. */
    public OrcidClient client(String registrationId) {
        requireKnown(registrationId);
        return clients.get(registrationId);
    }

    /** The ORCID client id ({@code APP-…}) of a registration. */
    public String clientId(String registrationId) {
        requireKnown(registrationId);
        return (AUTO_UPDATE.equals(registrationId) ? connection.autoUpdate() : connection.searchLink()).clientId();
    }

    Credentials credentials(String registrationId) {
        requireKnown(registrationId);
        return AUTO_UPDATE.equals(registrationId) ? connection.autoUpdate() : connection.searchLink();
    }

    public OrcidPreset preset() {
        return connection.preset();
    }

    /** ORCID's OAuth/OIDC host, also the OIDC issuer, e.g. {@code https://orcid.org}. */
    public URI oauthBase() {
        return connection.oauthBase();
    }

    /** The member API host without version, e.g. {@code https://api.orcid.org}. */
    public URI apiBase() {
        return connection.apiBase();
    }

    /** The iD as a link on this ORCID: {@code https://orcid.org/0000-…} in production, the sandbox's or emulator's host otherwise. */
    public URI recordUri(OrcidId orcid) {
        return URI.create(connection.oauthBase() + "/" + orcid.value());
    }

    /**
     * ORCID's own authorize page asking the researcher for a registration's permission, returning to pidlink's
     * permission callback at {@code pidlinkBase}: the link of an ORCID inbox request, which carries no state
     * (the callback keeps such a grant for the signed-in researcher whose iD ORCID names in the token).
     */
    public URI permissionAuthorizeUri(String registrationId, URI pidlinkBase) {
        String canonical = canonical(registrationId);
        String base = pidlinkBase.toString().replaceAll("/+$", "");
        return URI.create(connection.oauthBase().toString().replaceAll("/+$", "") + "/oauth/authorize?client_id="
                + encode(clientId(canonical)) + "&response_type=code&scope="
                + encode(OrcidClientRegistrationRepository.PERMISSION_SCOPES) + "&redirect_uri="
                + encode(base + OrcidClientRegistrationRepository.PERMISSION_CALLBACK + canonical));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public boolean isKnown(String registrationId) {
        return AUTO_UPDATE.equals(registrationId) || SEARCH_LINK.equals(registrationId);
    }

    private void requireKnown(String registrationId) {
        if (!isKnown(registrationId)) {
            throw new IllegalArgumentException("unknown ORCID registration '" + registrationId
                    + "'; pidlink has " + AUTO_UPDATE + " and " + SEARCH_LINK);
        }
    }

    @Override
    public void close() {
        clients.values().stream().distinct().forEach(OrcidClient::close);
    }

    @Override
    public String toString() {
        return "OrcidRegistrations[preset=" + connection.preset() + ", oauthBase=" + connection.oauthBase()
                + ", auto-update=" + clientId(AUTO_UPDATE) + ", search-link=" + clientId(SEARCH_LINK) + "]";
    }
}
