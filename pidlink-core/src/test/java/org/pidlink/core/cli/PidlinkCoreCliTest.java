package org.pidlink.core.cli;

import org.pidlink.core.SharedDir;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidlink.core.work.OrcidXsd;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PidlinkCoreCliTest {

    private static final Path METADATA = SharedDir.path().resolve("metadata");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Run(int exit, String out, String err) {

        List<JsonNode> lines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PidlinkCoreCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String file(String relative) {
        return METADATA.resolve(relative).toString();
    }

    @Test
    void inspectPrintsOneJsonObjectPerRecord() {
        Run run = run("inspect", file("crossref/unixsd/10.1098_rspb.2017.0132.xml"),
                file("datacite/api-json/list/dois-page-number-1-size-5.json"));
        assertThat(run.exit()).isZero();
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(6);
        JsonNode first = lines.get(0);
        assertThat(first.propertyNames()).containsExactly("file", "doi", "format", "state", "workType", "orcids",
                "rejected", "skip", "errors");
        assertThat(first.get("doi").asString()).isEqualTo("10.1098/rspb.2017.0132");
        assertThat(first.get("format").asString()).isEqualTo("crossref-unixsd");
        assertThat(first.get("state").asString()).isEqualTo("findable");
        assertThat(first.get("workType").asString()).isEqualTo("journal-article");
        assertThat(first.get("skip").isNull()).isTrue();
        assertThat(first.get("orcids")).isNotEmpty();
        assertThat(first.at("/orcids/0/orcid").asString()).isEqualTo("0000-0003-1406-0680");
        assertThat(first.at("/orcids/0/role").asString()).isEqualTo("author");
        assertThat(first.at("/orcids/0/name").asString()).contains("Dougherty");
        assertThat(lines.subList(1, 6)).allMatch(l -> l.get("format").asString().equals("datacite-json"));
    }

    @Test
    void inspectShowsRejectedIdsAndSkipReasons() {
        Run run = run("inspect", file("datacite/xml/official/kernel-2.2-sample.xml"),
                file("datacite/xml/official/award-v4.6.xml"));
        List<JsonNode> lines = run.lines();
        assertThat(lines.get(0).at("/rejected/0/value").asString()).isEqualTo("xyz789");
        assertThat(lines.get(0).at("/rejected/0/reason").asString()).isNotBlank();
        assertThat(lines.get(1).get("skip").asString()).contains("Award");
        assertThat(run.exit()).isZero();
    }

    @Test
    void anUnreadableFileIsReportedAndTheOthersStillPrinted(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.xml"), "<not-closed>");
        Run run = run("inspect", dir.resolve("missing.json").toString(), garbage.toString(),
                file("datacite/xml/official/dataset-v4.xml"));
        assertThat(run.exit()).isEqualTo(1);
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("doi").isNull()).isTrue();
        assertThat(lines.get(0).at("/errors/0/message").asString()).contains("no such file");
        assertThat(lines.get(1).get("file").asString()).endsWith("garbage.xml");
        assertThat(lines.get(1).get("errors")).isNotEmpty();
        assertThat(lines.get(2).get("doi").asString()).isEqualTo("10.82433/9184-dy35");
    }

    @Test
    void convertPrintsTheWorkForOneRecordAsJsonOrXml() {
        Run json = run("convert", file("crossref/unixsd/10.1098_rspb.2017.0132.xml"));
        assertThat(json.exit()).isZero();
        OrcidXsd.assertValidWorkJson(json.out());
        JsonNode work = JSON.readTree(json.out());
        assertThat(work.at("/title/title/value").asString()).startsWith("Sexual conflict");
        assertThat(work.at("/external-ids/external-id/0/external-id-relationship").asString()).isEqualTo("self");

        Run xml = run("convert", file("crossref/unixsd/10.1098_rspb.2017.0132.xml"), "--to", "xml");
        assertThat(xml.exit()).isZero();
        assertThat(xml.out()).startsWith("<?xml");
        OrcidXsd.assertValidWork(xml.out());
    }

    @Test
    void convertPrintsABulkMessageForSeveralRecordsWhateverTheSkipRulesSay() {
        Run xml = run("convert", file("datacite/api-json/list/dois-page-number-1-size-5.json"), "--to", "xml");
        assertThat(xml.exit()).isZero();
        OrcidXsd.assertValidBulk(xml.out());
        Run json = run("convert", file("datacite/api-json/list/dois-page-number-1-size-5.json"));
        OrcidXsd.assertValidBulkJson(json.out());
        assertThat(JSON.readTree(json.out()).get("bulk")).hasSize(5);

        Run skipped = run("convert", file("datacite/xml/official/relationtype-isidenticalto-v4.xml"));
        assertThat(skipped.exit()).isZero();
        OrcidXsd.assertValidWorkJson(skipped.out());
        assertThat(JSON.readTree(skipped.out()).get("type").asString()).isEqualTo("journal-article");
    }

    @Test
    void convertKeepsTheResearcherAndRefusesBadInput(@TempDir Path dir) throws Exception {
        Run forResearcher = run("convert", file("crossref/unixsd/10.1098_rspb.2017.0132.xml"),
                "--for", "https://orcid.org/0000-0003-0562-1474");
        assertThat(forResearcher.exit()).isZero();
        OrcidXsd.assertValidWorkJson(forResearcher.out());
        assertThat(run("convert", file("crossref/unixsd/10.1098_rspb.2017.0132.xml"), "--for", "nope").exit())
                .isEqualTo(2);
        Run bad = run("convert", Files.writeString(dir.resolve("x.json"), "{}").toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("x.json");
        assertThat(bad.out()).isEmpty();
        assertThat(run("convert", "a", "--to", "yaml").exit()).isEqualTo(2);
    }
}
