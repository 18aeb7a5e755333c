package org.pidlink.app.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.pidlink.app.system.ProblemResponses;
import org.pidlink.app.system.ProblemType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI 3.1 document of {@code /api/**} ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): the
 * API-key security schemes, one schema per problem type, the problems each operation answers with (from
 * {@link ProblemResponses}, plus the key and storage problems every API-key operation may answer), and request
 * examples that are real registry records (copied from the project's reference metadata, see
 * {@code openapi/examples/README.md}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    private static final String API_KEY = SecuritySchemes.API_KEY;
    private static final String BEARER = SecuritySchemes.BEARER;
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** What every operation that needs an API key may also answer. */
    private static final List<ProblemType> API_KEY_PROBLEMS = List.of(ProblemType.API_KEY_REQUIRED,
            ProblemType.API_KEY_INVALID, ProblemType.FORBIDDEN, ProblemType.NOT_STORED);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    OpenAPI pidlinkOpenApi() {
        return new OpenAPI()
                .info(new Info().title("pidlink REST API").version("1")
                        .description("""
                                pidlink keeps researchers' ORCID records up to date with the works they publish. \
                                Metadata sources send DOI metadata (DataCite or Crossref, XML or JSON) to \
                                `POST /api/v1/dois` with an API key an administrator created at `/admin/api-keys`; \
                                anyone may look up which ORCID iDs a DOI is linked to. Every error is an \
                                `application/problem+json` document (RFC 9457) whose `type` names the problem \
                                (`/problems/{name}` on pidlink explains it)."""))
                // Relative: the document serves every deployment at its own address.
                .servers(List.of(new Server().url("/").description("this pidlink")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("An API key from /admin/api-keys (pidlink_…)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The same API key as 'Authorization: Bearer <key>'")));
    }

    /** The problem schemas and the request examples. */
    @Bean
    OpenApiCustomizer problemsAndExamples() {
        return openApi -> {
            Components components = openApi.getComponents();
            components.addSchemas(PROBLEM, problemSchema());
            for (ProblemType type : ProblemType.values()) {
                components.addSchemas(schemaName(type), new Schema<>()
                        .addAllOfItem(new Schema<>().$ref(ref(PROBLEM)))
                        .addProperty("type", new Schema<>().type("string")._const(type.uri().toString()))
                        .addProperty("status", new Schema<>().type("integer")._const(type.status().value()))
                        .description(type.description()));
            }
            components.addExamples("datacite-json", example("DataCite REST API JSON (a data set, two ORCID creators)",
                    "datacite-10.21944_temis-ozone-msr2.json", true));
            components.addExamples("datacite-xml", example("DataCite XML, kernel 4 (software, three ORCID creators)",
                    "datacite-affiliation-v4.xml", false));
            components.addExamples("crossref-xml", example("Crossref deposit XML, schema 4.3.4 (journal article)",
                    "crossref-rest-api-doc-full-4.3.4.xml", false));
            components.addExamples("intake-report", example("The answer to the DataCite JSON example",
                    "intake-report.json", true));
            // Sorted, so that the document written to docs/openapi.json changes only when the API does.
            components.setSchemas(new TreeMap<>(components.getSchemas()));
        };
    }

    /** The problems of one operation, grouped by status: one schema per type, one example per type. */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            List<ProblemType> types = new ArrayList<>();
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (declared != null) {
                types.addAll(Arrays.asList(declared.value()));
            }
            if (needsApiKey(operation)) {
                types.addAll(API_KEY_PROBLEMS);
            }
            if (types.isEmpty()) {
                return operation;
            }
            Map<HttpStatus, List<ProblemType>> byStatus = new TreeMap<>();
            types.stream().distinct().forEach(t -> byStatus.computeIfAbsent(t.status(), s -> new ArrayList<>()).add(t));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            byStatus.forEach((status, ofStatus) -> responses.addApiResponse(String.valueOf(status.value()),
                    problemResponse(ofStatus)));
            operation.setResponses(responses);
            return operation;
        };
    }

    private static boolean needsApiKey(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.containsKey(API_KEY) || requirement.containsKey(BEARER));
    }

    private static ApiResponse problemResponse(List<ProblemType> types) {
        Schema<?> schema = types.size() == 1 ? new Schema<>().$ref(ref(schemaName(types.getFirst())))
                : new Schema<>().oneOf(types.stream().<Schema>map(t -> new Schema<>().$ref(ref(schemaName(t))))
                .toList());
        MediaType media = new MediaType().schema(schema);
        StringBuilder description = new StringBuilder();
        for (ProblemType type : types) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", type.uri().toString());
            value.put("title", type.title());
            value.put("status", type.status().value());
            value.put("detail", type.description());
            media.addExamples(type.slug(), new Example().summary(type.uri().toString()).value(value));
            description.append(description.isEmpty() ? "" : "; ").append(type.uri()).append(": ")
                    .append(type.title());
        }
        return new ApiResponse().description(description.toString()).content(new Content().addMediaType(PROBLEM_JSON,
                media));
    }

    private static Schema<?> problemSchema() {
        Schema<?> location = new Schema<>().type("object")
                .addProperty("location", new Schema<>().type("string").description("line and column, or JSON path"))
                .addProperty("message", new Schema<>().type("string"));
        return new Schema<>().type("object").description("An RFC 9457 problem document")
                .addProperty("type", new Schema<>().type("string").format("uri-reference")
                        .description("which problem: /problems/{name}, explained there"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string").description("what was wrong and where"))
                .addProperty("instance", new Schema<>().type("string").format("uri-reference"))
                .addProperty("errors", new Schema<>().type("array").items(location)
                        .description("unreadable-metadata: each problem with its location"))
                .addProperty("parameter", new Schema<>().type("string")
                        .description("invalid-doi, invalid-orcid: the path parameter"))
                .addProperty("reason", new Schema<>().type("string")
                        .description("invalid-doi, invalid-orcid: why the value is refused"))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Example example(String summary, String file, boolean json) {
        String text;
        try (InputStream in = new ClassPathResource("openapi/examples/" + file).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI example " + file + " is missing from the classpath", e);
        }
        return new Example().summary(summary).value(json ? JSON.readValue(text, Object.class) : text);
    }

    static String schemaName(ProblemType type) {
        StringBuilder name = new StringBuilder("Problem");
        for (String word : type.slug().split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }
}
