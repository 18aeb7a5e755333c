package org.pidlink.app.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.pidlink.core.identifiers.OrcidId;
import tools.jackson.databind.json.JsonMapper;

/** DOI metadata made up for a test: fresh DOIs, valid ORCID iDs, DataCite REST JSON. */
public final class TestRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestRecords() {
    }

    public static String newDoi() {
        return "10.5555/pidlink-test-" + UUID.randomUUID();
    }

    /** A random ORCID iD with a valid checksum (ISO 7064 11,2) in the range ORCID issues. */
    static String newOrcid() {
        return OrcidId.withCheckDigit("0009" + String.format("%011d",
                ThreadLocalRandom.current().nextLong(100_000_000L))).value();
    }

    /** A DataCite REST API single DOI ({@code {"data":{…}}}). */
    public static String dataciteJson(String doi, String state, String title, List<String> creatorOrcids,
                               List<String> contributorOrcids) {
        return JSON.writeValueAsString(Map.of("data", dataciteResource(doi, state, title, creatorOrcids,
                contributorOrcids)));
    }

    static Map<String, Object> dataciteResource(String doi, String state, String title, List<String> creatorOrcids,
                                                List<String> contributorOrcids) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("doi", doi);
        attributes.put("state", state);
        attributes.put("titles", List.of(Map.of("title", title)));
        attributes.put("creators", people(creatorOrcids, null));
        attributes.put("contributors", people(contributorOrcids, "DataCollector"));
        attributes.put("publisher", "pidlink tests");
        attributes.put("publicationYear", 2026);
        attributes.put("types", Map.of("resourceTypeGeneral", "Dataset", "resourceType", "Dataset"));
        attributes.put("url", "https://example.org/" + doi);
        attributes.put("updated", "2026-11-21T08:00:00Z");
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", doi);
        resource.put("type", "dois");
        resource.put("attributes", attributes);
        return resource;
    }

    private static List<Map<String, Object>> people(List<String> orcids, String contributorType) {
        List<Map<String, Object>> people = new ArrayList<>();
        int n = 1;
        for (String orcid : orcids) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", "Person " + n + ", Test");
            person.put("nameType", "Personal");
            person.put("givenName", "Test");
            person.put("familyName", "Person " + n++);
            person.put("nameIdentifiers", List.of(Map.of("nameIdentifier", "https://orcid.org/" + orcid,
                    "nameIdentifierScheme", "ORCID", "schemeUri", "https://orcid.org")));
            if (contributorType != null) {
                person.put("contributorType", contributorType);
            }
            people.add(person);
        }
        return people;
    }
}
