package org.pidlink.core.work;

import org.pidlink.core.SharedDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a generated work the way ORCID would: its XML against ORCID's real XSD, its JSON against the same XSD
 * (read back as XML), against the XML writer's output, and against the field names of ORCID's JSON sample.
 */
public final class WorkAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SAMPLE_PATHS = samplePaths();

    private WorkAssertions() {
    }

    public static void assertValidForOrcid(OrcidWork work) {
        String xml = WorkXmlWriter.toXml(work);
        OrcidXsd.assertValidWork(xml);
        String json = WorkJsonWriter.toJson(work);
        String jsonAsXml = OrcidJsonToXml.work(json);
        OrcidXsd.assertValidWork(jsonAsXml);
        assertThat(OrcidJsonToXml.structure(jsonAsXml)).as("JSON and XML say the same")
                .isEqualTo(OrcidJsonToXml.structure(xml));
        Set<String> paths = new TreeSet<>();
        paths(JSON.readTree(json), "", paths);
        paths.remove("put-code");
        assertThat(SAMPLE_PATHS).as("every JSON field is one ORCID's sample uses").containsAll(paths);
        assertThat(JSON.readTree(WorkJsonWriter.toPrettyJson(work))).isEqualTo(JSON.readTree(json));
    }

    public static void assertValidBulkForOrcid(List<OrcidWork> works) {
        String xml = WorkXmlWriter.toBulkXml(works);
        OrcidXsd.assertValidBulk(xml);
        String jsonAsXml = OrcidJsonToXml.bulk(WorkJsonWriter.toBulkJson(works));
        OrcidXsd.assertValidBulk(jsonAsXml);
        assertThat(OrcidJsonToXml.structure(jsonAsXml)).isEqualTo(OrcidJsonToXml.structure(xml));
    }

    private static Set<String> samplePaths() {
        try {
            String sample = Files.readString(SharedDir.path()
                    .resolve("orcid/orcid-model/record_3.0/samples/write_samples/work-full-3.0.json"));
            Set<String> paths = new TreeSet<>();
            paths(JSON.readTree(sample), "", paths);
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paths(JsonNode node, String prefix, Set<String> out) {
        if (node.isObject()) {
            for (var member : node.properties()) {
                String path = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
                out.add(path);
                paths(member.getValue(), path, out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                paths(item, prefix + "[]", out);
            }
        }
    }
}
