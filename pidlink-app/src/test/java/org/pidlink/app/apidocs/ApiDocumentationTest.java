package org.pidlink.app.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.PidlinkSpringTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.Test;
import org.pidlink.app.intake.api.ApiKeys;
import org.pidlink.app.system.ProblemType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document describes every {@code /api/**} endpoint Spring MVC serves, is valid OpenAPI 3.1 for a real
 * parser, documents every problem type, and its request examples are accepted by pidlink as they stand. It is
 * written to {@code docs/openapi.json} (in CI, a stale copy fails the build).
 */
@PidlinkSpringTest
class ApiDocumentationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApiKeys apiKeys;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyApiEndpointIsDocumentedInAValidOpenApi31Document() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).as("served without a session or key").isEqualTo(200);
        OpenAPI document = parse(response.body());
        assertThat(document.getOpenapi()).startsWith("3.1");

        List<String> undocumented = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") || pattern.equals("/api/**")) {
                    continue; // '/api/**' is the fallback answering unknown paths with a problem, not an endpoint
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s declares its HTTP method", pattern).isNotEmpty();
                PathItem path = document.getPaths().get(openApiPath(pattern));
                for (RequestMethod method : methods) {
                    Operation operation = path == null ? null : operation(path, method);
                    if (operation == null) {
                        undocumented.add(method + " " + pattern);
                        continue;
                    }
                    assertThat(operation.getSummary()).as("%s %s has a summary", method, pattern).isNotBlank();
                    assertThat(operation.getResponses()).as("%s %s responses", method, pattern)
                            .anySatisfy((code, r) -> assertThat(code).startsWith("2"));
                    assertThat(problemTypes(operation)).as("%s %s documents its problems", method, pattern)
                            .isNotEmpty();
                }
            }
        }
        assertThat(undocumented).as("endpoints under /api/ missing from /v3/api-docs").isEmpty();
        assertThat(document.getPaths().keySet()).as("only the REST API is in the contract")
                .allMatch(p -> p.startsWith("/api/"));
    }

    @Test
    void documentsTheApiKeyAndEveryProblemType() throws Exception {
        OpenAPI document = parse(get("/v3/api-docs").body());
        assertThat(document.getComponents().getSecuritySchemes().get(SecuritySchemes.API_KEY).getName())
                .isEqualTo("X-API-Key");
        assertThat(document.getComponents().getSecuritySchemes().get(SecuritySchemes.BEARER).getScheme())
                .isEqualTo("bearer");
        Operation submit = document.getPaths().get("/api/v1/dois").getPost();
        assertThat(submit.getSecurity()).anySatisfy(r -> assertThat(r).containsKey(SecuritySchemes.API_KEY));
        assertThat(problemTypes(submit)).contains(ProblemType.API_KEY_REQUIRED.uri().toString(),
                ProblemType.UNREADABLE_METADATA.uri().toString());
        Operation lookup = document.getPaths().get("/api/v1/lookup/orcids/{orcid}").getGet();
        assertThat(lookup.getSecurity()).as("the lookup is public").isEmpty();

        Set<String> documented = new TreeSet<>();
        document.getPaths().values().forEach(p -> p.readOperations().forEach(o -> documented.addAll(problemTypes(o))));
        for (ProblemType type : ProblemType.values()) {
            assertThat(document.getComponents().getSchemas()).containsKey(ApiDocsConfiguration.schemaName(type));
            if (type != ProblemType.NO_SUCH_ENDPOINT) {
                assertThat(documented).as("an operation answers %s", type).contains(type.uri().toString());
            }
            HttpResponse<String> page = get(type.uri().toString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(type.title());
        }
        assertThat(get("/swagger-ui.html").statusCode()).as("Swagger UI").isIn(200, 302);
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void theRequestExamplesAreRealRecordsThatPidlinkAccepts() throws Exception {
        // The parser reads examples with its own Jackson (2.x); they are written back with it, as received.
        OpenAPI document = parse(get("/v3/api-docs").body());
        String key = apiKeys.create("openapi-examples", null, "test").key();
        Map<String, Example> examples = document.getComponents().getExamples();
        Map<String, JsonNode> answers = new HashMap<>();
        for (String name : List.of("datacite-json", "datacite-xml", "crossref-xml")) {
            Object value = examples.get(name).getValue();
            String body = value instanceof String s ? s : Json.mapper().writeValueAsString(value);
            String contentType = name.endsWith("xml") ? "application/xml" : "application/vnd.api+json";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/v1/dois"))
                    .header("X-API-Key", key).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(name + ": " + answer.body()).isEqualTo(202);
            JsonNode report = JSON.readTree(answer.body());
            answers.put(name, report);
            assertThat(report.get("accepted").asInt()).as(name + ": " + answer.body()).isEqualTo(1);
            assertThat(report.get("dois").get(0).get("orcids").size()).as(name + " names researchers").isPositive();
        }
        JsonNode documentedAnswer = JSON.readTree(Json.mapper().writeValueAsString(examples.get("intake-report")
                .getValue()));
        assertThat(answers.get("datacite-json")).as("the documented answer is pidlink's").isEqualTo(documentedAnswer);
    }

    @Test
    void theDocumentIsWrittenToDocsOpenapiJson() throws Exception {
        JsonNode tree = JSON.readTree(get("/v3/api-docs").body());
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        Path file = repositoryRoot().resolve("docs").resolve("openapi.json");
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!committed.equals(pretty)) {
            Files.writeString(file, pretty, StandardCharsets.UTF_8);
            // Locally the file is simply brought up to date; CI checks that what was committed is current.
            assertThat(System.getenv("CI")).as("docs/openapi.json was stale; it has been rewritten: commit it")
                    .isNull();
        }
        parse(Files.readString(file));
    }

    private static OpenAPI parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(result.getMessages()).as("OpenAPI parser messages").isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        return result.getOpenAPI();
    }

    /** Spring's {@code {*doi}} (the rest of the path) is an ordinary path parameter in OpenAPI. */
    private static String openApiPath(String pattern) {
        return pattern.replaceAll("\\{\\*([^}]+)}", "{$1}");
    }

    private static Operation operation(PathItem path, RequestMethod method) {
        return path.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name().toUpperCase(Locale.ROOT)));
    }

    private static Set<String> problemTypes(Operation operation) {
        Set<String> types = new TreeSet<>();
        for (ApiResponse response : operation.getResponses().values()) {
            if (response.getContent() == null || response.getContent().get("application/problem+json") == null) {
                continue;
            }
            Map<String, Example> examples = response.getContent().get("application/problem+json").getExamples();
            assertThat(examples).as("problem examples").isNotEmpty();
            examples.values().forEach(e -> types.add(String.valueOf(Json.mapper().convertValue(e.getValue(), Map.class)
                    .get("type"))));
        }
        return types;
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("pidlink.root.dir");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        assertThat(root.resolve("docs")).as("the repository's docs directory").isDirectory();
        return root;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
