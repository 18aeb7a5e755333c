package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.pidlink.app.system.RequestIds;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TokenSecrecyTest} with the JSON logs on (Elastic Common Schema): every line pidlink logs is a JSON object,
 * requests' lines carry their request id, and no token is in any field of any line, read back decoded (a JSON
 * escape must not hide one).
 */
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class TokenSecrecyJsonLogsTest extends TokenSecrecyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    void checkLogs(CapturedOutput output, List<String> secrets) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as("JSON log lines").hasSizeGreaterThan(20)
                .allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("message")
                        && line.path("log").has("level")).as(line.toString()).isTrue());
        assertThat(lines).as("a request's lines carry its id")
                .anySatisfy(line -> assertThat(line.path(RequestIds.MDC_KEY).asString()).isNotBlank());
        StringBuilder decoded = new StringBuilder();
        lines.forEach(line -> collectText(line, decoded));
        assertThat(decoded).contains("Refreshed the ORCID token");
        for (String secret : secrets) {
            assertThat(decoded.toString()).as("decoded JSON logs").doesNotContain(secret);
        }
    }

    private static void collectText(JsonNode node, StringBuilder text) {
        if (node.isContainer()) {
            node.forEach(child -> collectText(child, text));
            node.propertyNames().forEach(name -> text.append(name).append('\n'));
        } else {
            text.append(node.asString()).append('\n');
        }
    }
}
