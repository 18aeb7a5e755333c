package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;

/** Tokens and the client secret must never reach a log line through toString(). */
class SecretsInToStringTest {

    @Test
    void tokenResponsePrintsNoToken() {
        TokenResponse token = new TokenResponse("f5af9f51-07e6-4332-8f1a-c0c11c1e3728", "bearer",
                "f725f747-3a65-49f6-a231-3e8944ce464d", "/activities/update /read-limited",
                Duration.ofSeconds(631138518), OrcidId.parse("0000-0002-1825-0097"), "Sofia Garcia", "eyJhbGciOi.x.y");
        String text = token.toString();
        assertThat(text).doesNotContain("f5af9f51", "f725f747", "eyJhbGciOi")
                .contains("0000-0002-1825-0097", "/activities/update", "[redacted]");
        assertThat(token.scopes()).containsExactly("/activities/update", "/read-limited");
        assertThat(token.hasScope("/read-limited")).isTrue();
    }

    @Test
    void settingsPrintNoSecret() {
        OrcidClientSettings settings = OrcidClientSettings.sandbox("APP-674MCQQR985VZZQ2", "very-secret-value");
        assertThat(settings.toString()).doesNotContain("very-secret-value").contains("APP-674MCQQR985VZZQ2");
        assertThat(settings.apiBase()).isEqualTo(URI.create("https://api.sandbox.orcid.org"));
        assertThat(settings.oauthBase()).isEqualTo(URI.create("https://sandbox.orcid.org"));
        assertThat(OrcidClientSettings.production("a", "b").apiBase()).isEqualTo(URI.create("https://api.orcid.org"));
        assertThat(OrcidClientSettings.custom(URI.create("http://localhost:9/"), "a", "b").apiBase())
                .isEqualTo(URI.create("http://localhost:9"));
    }
}
