package org.pidlink.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import org.pidlink.emulator.state.Token;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real ORCID and OpenID Connect client libraries from npm (openid-client, passport-orcid) against the emulator, as
 * integrators will run them: {@code src/test/node/clients.mjs}, installed with {@code npm ci} from its lock file into
 * {@code target/node-clients}. Skipped only when node or npm is not installed; a failing install fails the test.
 */
class NodeClientsTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/node-clients");
    private static final String REDIRECT = "https://rp.example/orcid/callback";

    @Test
    void openidClientAndPassportOrcidSignInReadARecordAndParseErrors() throws Exception {
        Assumptions.assumeTrue(installed("node") && installed("npm"), "node and npm are not installed");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "clients.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"),
                Map.of(), Duration.ofSeconds(120));
        assertThat(install.exit()).as("npm ci failed:\n" + install.output()).isZero();

        ClientInfo client = ORCID.control().createClient(ClientSpec.member("Node integrator", REDIRECT));
        ResearcherInfo researcher = ORCID.control().createResearcher(ResearcherSpec.of("Josiah", "Carberry")
                .withEmail("josiah.node@example.org").withPassword("correct horse"));
        Result script = run(List.of("node", "clients.mjs"), Map.of("ORCID_BASE", ORCID.baseUrl(),
                "CLIENT_ID", client.clientId(), "CLIENT_SECRET", client.clientSecret(), "REDIRECT_URI", REDIRECT,
                "RESEARCHER_USERNAME", researcher.email(), "RESEARCHER_PASSWORD", "correct horse"),
                Duration.ofSeconds(60));
        assertThat(script.exit()).as("clients.mjs failed:\n" + script.output()).isZero();
        List<String> lines = script.output().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).as(script.output()).isNotEmpty();
        JsonNode r = JsonMapper.builder().build().readTree(lines.getLast());
        String orcid = researcher.orcid();

        assertThat(r.get("issuer").asString()).isEqualTo(ORCID.baseUrl());
        JsonNode openid = r.get("openid");
        assertThat(openid.get("sub").asString()).isEqualTo(orcid);
        assertThat(openid.get("iss").asString()).isEqualTo(ORCID.baseUrl());
        assertThat(openid.get("aud").asString()).isEqualTo(client.clientId());
        assertThat(openid.get("nonceChecked").asBoolean()).isTrue();
        assertThat(openid.get("orcid").asString()).isEqualTo(orcid);
        assertThat(openid.get("name").asString()).isEqualTo("Josiah Carberry");
        assertThat(openid.get("scope").asString()).isEqualTo("/read-limited openid");
        assertThat(openid.get("tokenType").asString()).isEqualToIgnoringCase("bearer");
        assertThat(openid.get("autoApproved").asBoolean()).as("the first sign-in shows the consent page").isFalse();

        assertThat(r.get("userinfo").get("sub").asString()).isEqualTo(orcid);
        assertThat(r.get("userinfo").get("givenName").asString()).isEqualTo("Josiah");
        JsonNode record = r.get("record");
        assertThat(record.get("status").asInt()).isEqualTo(200);
        assertThat(record.get("contentType").asString()).startsWith("application/vnd.orcid+json");
        assertThat(record.get("orcid").asString()).isEqualTo(orcid);
        assertThat(record.get("sections")).extracting(JsonNode::asString).contains("employments", "works");

        JsonNode unknown = r.get("unknownPath");
        assertThat(unknown.get("status").asInt()).isEqualTo(404);
        assertThat(unknown.get("error").get("error-code").asInt()).isEqualTo(9001);
        assertThat(unknown.get("error").get("response-code").asInt()).isEqualTo(404);

        assertThat(r.get("refresh").get("orcid").asString()).isEqualTo(orcid);
        assertThat(r.get("refresh").get("newToken").asBoolean()).isTrue();
        JsonNode publicHost = r.get("publicHostToken");
        assertThat(publicHost.get("status").asInt()).isEqualTo(200);
        assertThat(publicHost.get("redirected").asBoolean()).isTrue();
        assertThat(publicHost.get("scope").asString()).isEqualTo("/read-public");

        JsonNode passport = r.get("passport");
        assertThat(passport.get("orcid").asString()).isEqualTo(orcid);
        assertThat(passport.get("name").asString()).isEqualTo("Josiah Carberry");
        assertThat(passport.get("hasToken").asBoolean()).isTrue();
        assertThat(passport.get("scopeAsked").asString()).isEqualTo("/authenticate");
        assertThat(passport.get("autoApproved").asBoolean())
                .as("a researcher who already granted these scopes gets a code at once").isTrue();

        // What the libraries did is what the emulator recorded: the tokens they hold are this client's.
        assertThat(ORCID.emulator().state().tokensOf(orcid)).filteredOn(t -> t.revocation() == Token.Revocation.NONE)
                .extracting(Token::clientId).containsOnly(client.clientId()).hasSizeGreaterThanOrEqualTo(2);
    }

    private static boolean installed(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, Duration timeout) throws Exception {
        Path log = Files.createTempFile(WORK.toAbsolutePath(), "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeout + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
