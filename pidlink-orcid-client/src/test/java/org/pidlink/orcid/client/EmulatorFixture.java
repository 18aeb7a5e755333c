package org.pidlink.orcid.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.OrcidEmulator;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;

/**
 * One embedded ORCID emulator with a member client, and helpers to make researchers, tokens and work JSON.
 * Each test makes its own researcher, so tests sharing an emulator do not see each other's works.
 */
final class EmulatorFixture {

    static final URI REDIRECT = URI.create("https://pidlink.example/orcid/callback");
    static final String MEMBER_SCOPES = "/read-limited /activities/update";

    private static final AtomicInteger DOIS = new AtomicInteger();

    final OrcidEmulator emulator;
    final ClientInfo client;

    EmulatorFixture(OrcidEmulator emulator) {
        this.emulator = emulator;
        this.client = emulator.control().createClient(ClientSpec.member("pidlink test", REDIRECT.toString()));
    }

    /** The embedded emulator for one test class; ORCID's edge rate limit is off unless a test turns it on. */
    static OrcidEmulatorExtension extension() {
        return OrcidEmulatorExtension.builder().noRateLimit().build();
    }

    OrcidClientSettings settings() {
        return OrcidClientSettings.custom(URI.create(emulator.baseUrl()), client.clientId(), client.clientSecret());
    }

    OrcidClient newClient() {
        return OrcidClient.create(settings());
    }

    ClientInfo otherClient() {
        return emulator.control().createClient(ClientSpec.member("other member", "https://other.example/cb"));
    }

    OrcidId researcher() {
        return OrcidId.parse(emulator.control().createResearcher(ResearcherSpec.of("Sofia", "Garcia")).orcid());
    }

    String token(OrcidId orcid) {
        return token(orcid, client.clientId(), MEMBER_SCOPES);
    }

    String token(OrcidId orcid, String clientId, String scope) {
        return emulator.control().token(orcid.value(), clientId, scope).accessToken();
    }

    /** A DOI no other test uses. */
    static String freshDoi() {
        return "10.5555/pidlink-client-" + DOIS.incrementAndGet() + "-" + System.nanoTime();
    }

    /** A minimal valid v3.0 work with one {@code self} DOI. */
    static String work(String title, String doi) {
        return """
                {"title":{"title":{"value":"%s"}},
                 "type":"journal-article",
                 "publication-date":{"year":{"value":"2024"},"month":{"value":"05"}},
                 "external-ids":{"external-id":[
                   {"external-id-type":"doi","external-id-value":"%s",
                    "external-id-url":{"value":"https://doi.org/%s"},"external-id-relationship":"self"},
                   {"external-id-type":"issn","external-id-value":"0959-9428","external-id-relationship":"part-of"}]}}
                """.formatted(title, doi, doi);
    }

    /** Valid JSON that ORCID refuses: no external identifiers. */
    static String workWithoutIds(String title) {
        return """
                {"title":{"title":{"value":"%s"}},"type":"journal-article","external-ids":{"external-id":[]}}
                """.formatted(title);
    }

    static Duration shortTimeout() {
        return Duration.ofMillis(400);
    }
}
