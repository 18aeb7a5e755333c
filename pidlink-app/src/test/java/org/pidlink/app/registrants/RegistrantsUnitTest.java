package org.pidlink.app.registrants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pieces without the app: name matching, signatures, backoff, CSV cells. */
class RegistrantsUnitTest {

    private static final List<MetadataPerson> PEOPLE = List.of(
            new MetadataPerson("Carberry, Josiah", "creator", 0, null),
            new MetadataPerson("Lovelace, Ada", "creator", 1, null),
            new MetadataPerson("Müller, Jürgen K.", "contributor", 0, null));

    @Test
    void namesMatchWhateverTheirOrderAccentsAndInitials() {
        assertThat(NameMatcher.best("Ada Lovelace", PEOPLE)).satisfies(m -> {
            assertThat(m.name()).isEqualTo("Lovelace, Ada");
            assertThat(m.position()).isEqualTo(1);
            assertThat(m.score()).isEqualTo(1.0);
        });
        assertThat(NameMatcher.best("J. Carberry", PEOPLE).name()).isEqualTo("Carberry, Josiah");
        assertThat(NameMatcher.best("Jurgen Muller", PEOPLE)).satisfies(m -> {
            assertThat(m.role()).isEqualTo("contributor");
            assertThat(m.score()).isBetween(0.8, 1.0);
        });
        assertThat(NameMatcher.best("Grace Hopper", PEOPLE).none()).isTrue();
        // Initials alone name nobody.
        assertThat(NameMatcher.best("A. L.", PEOPLE).none()).isTrue();
        assertThat(NameMatcher.best(null, PEOPLE).none()).isTrue();
        assertThat(NameMatcher.score("Ada Lovelace", "Ada King Lovelace")).isLessThan(1.0).isGreaterThan(0.8);
    }

    @Test
    void aSignatureVerifiesOnlyWithItsSecretAndBody() {
        byte[] body = "{\"event\":\"suggestion.created\"}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSigner.signature("whsec_abc", 1_765_000_000L, body);
        assertThat(header).matches("t=1765000000,v1=[0-9a-f]{64}");
        assertThat(WebhookSigner.verify("whsec_abc", header, body)).isTrue();
        assertThat(WebhookSigner.verify("whsec_abd", header, body)).isFalse();
        assertThat(WebhookSigner.verify("whsec_abc", header, "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(WebhookSigner.verify("whsec_abc", header.replace("t=1765000000", "t=1765000001"), body)).isFalse();
        assertThat(WebhookSigner.verify("whsec_abc", "v1=zz", body)).isFalse();
        // The documented recipe (docs/registrants.md): HMAC-SHA256 of "<t>.<body>", hex.
        assertThat(header).isEqualTo("t=1765000000,v1=" + java.util.HexFormat.of().formatHex(hmac("whsec_abc",
                "1765000000." + new String(body, StandardCharsets.UTF_8))));
    }

    @Test
    void theDocumentedWorkedExampleIsWhatPidlinkSends() throws java.io.IOException {
        String header = WebhookSigner.signature("whsec_example", 1_765_100_000L,
                "{\"event\":\"suggestion.created\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("../docs/registrants.md")))
                .contains("`" + header.substring(header.indexOf("v1=")) + "`");
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        RegistrantsProperties.Delivery settings = new RegistrantsProperties.Delivery(Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5), 10);
        assertThat(DeliveryWorker.backoff(settings, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DeliveryWorker.backoff(settings, 2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(DeliveryWorker.backoff(settings, 3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(DeliveryWorker.backoff(settings, 4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(DeliveryWorker.backoff(settings, 5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(DeliveryWorker.backoff(settings, 40)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(SuggestionCsv.quote("plain")).isEqualTo("plain");
        assertThat(SuggestionCsv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(SuggestionCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SuggestionCsv.quote("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(SuggestionCsv.quote("-0.5")).isEqualTo("-0.5");
    }

    private static byte[] hmac(String secret, String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
