package org.pidlink.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** An {@code Authorization: Basic} header's client id and secret (each form-decoded, per RFC 6749 §2.3.1). */
public record BasicCredentials(String id, String secret) {

    /** Empty when the header is absent or not Basic; {@code id} alone (secret null) when it has no colon. */
    public static Optional<BasicCredentials> of(Request r) {
        String auth = r.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(new BasicCredentials(null, null));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.of(new BasicCredentials(decoded, null));
        }
        try {
            return Optional.of(new BasicCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException badEscape) {
            return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
    }
}
