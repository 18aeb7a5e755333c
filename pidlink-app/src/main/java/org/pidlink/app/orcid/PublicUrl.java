package org.pidlink.app.orcid;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people's browsers and ORCID reach pidlink ({@code pidlink.public-url}, {@code ./pidlink serve --public-url}):
 * e.g. {@code https://pidlink.example.org} behind a TLS proxy, or {@code http://demo-host:8080} for a demo used from
 * other machines. The sign-in and permission redirect URIs, ORCID webhook callbacks and the links in ORCID inbox
 * notifications are built on it; with the embedded emulator, the emulator listens on every interface and is reached
 * at this URL's host. Unset, pidlink builds them from each request (and its local address), which is right for a
 * demo on localhost and behind a proxy that sends forwarded headers.
 *
 * @param publicUrl an absolute http(s) URL without query or fragment
 */
@ConfigurationProperties("pidlink")
public record PublicUrl(@Nullable URI publicUrl) {

    public PublicUrl {
        if (publicUrl != null) {
            if (!publicUrl.isAbsolute() || publicUrl.getHost() == null || publicUrl.getRawQuery() != null
                    || publicUrl.getRawFragment() != null
                    || !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))) {
                throw new IllegalArgumentException("pidlink.public-url must be an absolute http(s) URL such as "
                        + "https://pidlink.example.org, got " + publicUrl);
            }
            String s = publicUrl.toString();
            publicUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        }
    }

    public Optional<URI> get() {
        return Optional.ofNullable(publicUrl);
    }

    /** Whether browsers reach pidlink over plain HTTP on another host than this machine's loopback. */
    public boolean plainHttpBeyondLocalhost() {
        return publicUrl != null && "http".equals(publicUrl.getScheme())
                && !("localhost".equals(publicUrl.getHost()) || publicUrl.getHost().startsWith("127."));
    }
}
