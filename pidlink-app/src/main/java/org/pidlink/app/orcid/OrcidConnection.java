package org.pidlink.app.orcid;

import java.net.URI;
import java.util.Objects;

import org.pidlink.app.orcid.OrcidProperties.Credentials;

/**
 * The ORCID pidlink talks to, resolved from the preset: its hosts and the credentials of pidlink's ORCID clients.
 *
 * @param preset     which ORCID this is
 * @param oauthBase  OAuth/OIDC host, which is also the OIDC issuer ({@code https://orcid.org})
 * @param apiBase    member API host without version ({@code https://api.orcid.org})
 * @param autoUpdate the client that writes works found in DOI metadata
 * @param searchLink the client that writes works a researcher claims herself; the same as {@code autoUpdate} when
 *                   only one client is configured
 */
public record OrcidConnection(OrcidPreset preset, URI oauthBase, URI apiBase, Credentials autoUpdate,
                              Credentials searchLink) {

    public OrcidConnection {
        Objects.requireNonNull(preset, "preset");
        oauthBase = withoutTrailingSlash(Objects.requireNonNull(oauthBase, "oauthBase"));
        apiBase = withoutTrailingSlash(Objects.requireNonNull(apiBase, "apiBase"));
        Objects.requireNonNull(autoUpdate, "autoUpdate");
        searchLink = searchLink == null ? autoUpdate : searchLink;
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
