package org.pidlink.app.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A findable DataCite dataset record (JSON:API, as DataCite's REST API serves it) for a DOI, with creators named
 * with or without an ORCID iD, posted to pidlink's intake ({@code POST /api/v1/dois}) the way a DOI registrant does.
 */
public final class DoiMetadata {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Doi doi;
    private final String title;
    private final List<Map<String, Object>> creators = new ArrayList<>();
    private final List<Map<String, Object>> contributors = new ArrayList<>();
    private final List<Map<String, Object>> related = new ArrayList<>();
    private String state = "findable";
    private int year = 2026;
    private String resourceTypeGeneral = "Dataset";

    private DoiMetadata(Doi doi, String title) {
        this.doi = doi;
        this.title = title;
    }

    public static DoiMetadata dataset(Doi doi, String title) {
        return new DoiMetadata(doi, title);
    }

    /** A creator, named "Family, Given"; with her iD when {@code orcid} is not null. */
    public DoiMetadata creator(String name, @Nullable OrcidId orcid) {
        Map<String, Object> person = new LinkedHashMap<>(Map.of("name", name, "nameType", "Personal"));
        if (orcid != null) {
            person.put("nameIdentifiers", List.of(Map.of("nameIdentifier", "https://orcid.org/" + orcid.value(),
                    "nameIdentifierScheme", "ORCID", "schemeUri", "https://orcid.org")));
        }
        creators.add(person);
        return this;
    }

    /** A contributor (DataCite's contributorType {@code type}, e.g. DataCurator) with her iD. */
    public DoiMetadata contributor(String name, OrcidId orcid, String type) {
        contributors.add(Map.of("name", name, "nameType", "Personal", "contributorType", type,
                "nameIdentifiers", List.of(Map.of("nameIdentifier", "https://orcid.org/" + orcid.value(),
                        "nameIdentifierScheme", "ORCID", "schemeUri", "https://orcid.org"))));
        return this;
    }

    /** The DOI's state: findable (the default), registered or draft. */
    public DoiMetadata state(String state) {
        this.state = state;
        return this;
    }

    public DoiMetadata year(int year) {
        this.year = year;
        return this;
    }

    /** DataCite's resourceTypeGeneral, e.g. Text, Software (Dataset by default). */
    public DoiMetadata type(String resourceTypeGeneral) {
        this.resourceTypeGeneral = resourceTypeGeneral;
        return this;
    }

    /** A related DOI, e.g. {@code IsVersionOf} 10.5281/zenodo.1. */
    public DoiMetadata related(String relationType, String relatedDoi) {
        related.add(Map.of("relationType", relationType, "relatedIdentifier", relatedDoi,
                "relatedIdentifierType", "DOI"));
        return this;
    }

    public String json() {
        Map<String, Object> attributes = new LinkedHashMap<>(Map.of("doi", doi.value(), "state", state,
                "titles", List.of(Map.of("title", title)), "creators", creators,
                "publisher", "pidlink tests", "publicationYear", year,
                "types", Map.of("resourceTypeGeneral", resourceTypeGeneral, "resourceType", resourceTypeGeneral),
                "url", "https://example.org/" + doi.value(), "updated", "2026-11-21T08:00:00Z"));
        attributes.put("contributors", contributors);
        attributes.put("relatedIdentifiers", related);
        return JSON.writeValueAsString(Map.of("data", Map.of("id", doi.value(), "type", "dois",
                "attributes", attributes)));
    }

    /** Posts it with the API key {@code apiKey}; returns pidlink's answer. */
    public HttpResponse<String> post(Http http, String apiKey) {
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/dois"))
                .header("Content-Type", "application/vnd.api+json").header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json())));
    }

    /** Posts it and checks that pidlink accepted it (202). */
    public void postAccepted(Http http, String apiKey) {
        HttpResponse<String> response = post(http, apiKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }
}
