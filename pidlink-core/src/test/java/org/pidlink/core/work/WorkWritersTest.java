package org.pidlink.core.work;

import org.pidlink.core.SharedDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pidlink.core.work.WorkAssertions.assertValidBulkForOrcid;
import static org.pidlink.core.work.WorkAssertions.assertValidForOrcid;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.work.WorkContributor.ContributorOrcid;
import org.pidlink.core.work.WorkContributor.Sequence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WorkWritersTest {

    private static final ExternalId SELF = new ExternalId("doi", "10.5555/abc", "https://doi.org/10.5555/abc",
            Relationship.SELF);

    static OrcidWork full() {
        return new OrcidWork(null,
                new WorkTitle("Work \"title\" & more", "Sub", new WorkTitle.TranslatedTitle("Titre", "fr")),
                "Journal", "Short description", Citation.bibtex("@misc{a,\n title = {A}\n}"), "journal-article",
                new PublicationDate(2022, 5, 4),
                List.of(SELF, new ExternalId("issn", "1234-5678", null, Relationship.PART_OF),
                        new ExternalId("grant_number", "G-1", null, Relationship.FUNDED_BY)),
                "https://example.org/work",
                List.of(new WorkContributor(ContributorOrcid.of(OrcidId.parse("0000-0002-4325-871X")), "Fran",
                                Sequence.FIRST, "author"),
                        new WorkContributor(null, "Jo", Sequence.ADDITIONAL,
                                ContributorRoles.credit("writing-review-editing")),
                        new WorkContributor(null, "Anon", null, null)),
                "en", "CA");
    }

    static OrcidWork minimal() {
        return new OrcidWork(null, WorkTitle.of("Minimal"), null, null, null, "other", null, List.of(SELF), null,
                List.of(), null, null);
    }

    @Test
    void fullAndMinimalWorksAreValidForOrcidInXmlAndJson() {
        assertValidForOrcid(full());
        assertValidForOrcid(full().withPutCode(1234));
        assertValidForOrcid(minimal());
    }

    @Test
    void jsonHasOrcidsShapeAndFieldOrder() {
        JsonNode json = JsonMapper.builder().build().readTree(WorkJsonWriter.toJson(full().withPutCode(7)));
        assertThat(json.propertyNames()).containsExactly("put-code", "title", "journal-title", "short-description",
                "citation", "type", "publication-date", "external-ids", "url", "contributors", "language-code",
                "country");
        assertThat(json.get("put-code").asLong()).isEqualTo(7);
        assertThat(json.at("/title/translated-title/language-code").asString()).isEqualTo("fr");
        assertThat(json.at("/publication-date/month/value").asString()).isEqualTo("05");
        assertThat(json.at("/external-ids/external-id/0/external-id-url/value").asString())
                .isEqualTo("https://doi.org/10.5555/abc");
        assertThat(json.at("/contributors/contributor/1/contributor-attributes/contributor-role").asString())
                .isEqualTo("http://credit.niso.org/contributor-roles/writing-review-editing/");
        assertThat(json.at("/country/value").asString()).isEqualTo("CA");
        assertThat(WorkJsonWriter.toJson(minimal())).doesNotContain("null");
    }

    @Test
    void xmlCarriesThePutCodeAsAttributeAndEscapesText() {
        String xml = WorkXmlWriter.toXml(full().withPutCode(99));
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<work:work xmlns:common=\"http://www.orcid.org/ns/common\""
                        + " xmlns:work=\"http://www.orcid.org/ns/work\" put-code=\"99\">")
                .contains("<common:title>Work \"title\" &amp; more</common:title>")
                .contains("<common:translated-title language-code=\"fr\">Titre</common:translated-title>");
    }

    @Test
    void bulkMessagesAreValidAgainstBulkXsdAndUseOrcidsJsonShape() {
        List<OrcidWork> works = List.of(full(), minimal());
        assertValidBulkForOrcid(works);
        JsonNode bulk = JsonMapper.builder().build().readTree(WorkJsonWriter.toBulkJson(works));
        assertThat(bulk.propertyNames()).containsExactly("bulk");
        assertThat(bulk.get("bulk")).hasSize(2);
        assertThat(bulk.at("/bulk/1/work/title/title/value").asString()).isEqualTo("Minimal");
        assertThat(JsonMapper.builder().build().readTree(WorkJsonWriter.toPrettyBulkJson(works))).isEqualTo(bulk);
    }

    @Test
    void theJsonCheckReadsOrcidsOwnJsonSamplesAsValid() throws Exception {
        java.nio.file.Path samples = SharedDir.path().resolve("orcid/orcid-model/record_3.0/samples/write_samples");
        OrcidXsd.assertValidWorkJson(java.nio.file.Files.readString(samples.resolve("work-full-3.0.json")));
        OrcidXsd.assertValidBulkJson(java.nio.file.Files.readString(samples.resolve("bulk-work-3.0.json")));
        assertThatThrownBy(() -> OrcidXsd.assertValidWorkJson(WorkJsonWriter.toJson(minimal())
                .replace("\"type\":\"other\",", ""))).isInstanceOf(AssertionError.class);
    }

    @Test
    void bulkMessagesRefuseWhatOrcidRefuses() {
        assertThatThrownBy(() -> WorkJsonWriter.toBulkJson(List.of(minimal().withPutCode(3))))
                .hasMessageContaining("9024");
        assertThatThrownBy(() -> WorkXmlWriter.toBulkXml(java.util.Collections.nCopies(101, minimal())))
                .hasMessageContaining("9006");
        assertThatThrownBy(() -> WorkXmlWriter.toBulkXml(List.of())).hasMessageContaining("at least one");
        assertValidBulkForOrcid(java.util.Collections.nCopies(100, minimal()));
    }

    @Test
    void theSchemaCheckReallyRejectsWhatOrcidRejects() {
        String xml = WorkXmlWriter.toXml(minimal());
        assertThatThrownBy(() -> OrcidXsd.assertValidWork(xml.replace("<work:type>other</work:type>", "")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("type");
        assertThatThrownBy(() -> OrcidXsd.assertValidWork(WorkXmlWriter.toXml(full())
                .replace("<common:year>2022</common:year>", "<common:year>1850</common:year>")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> OrcidXsd.assertValidWork(xml.replace("Minimal", " ")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void canonicalHashIgnoresThePutCodeAndSeesEveryChange() {
        OrcidWork work = full();
        assertThat(work.canonicalHash()).isEqualTo(work.withPutCode(5).canonicalHash()).hasSize(64);
        assertThat(new String(work.canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("put-code").doesNotContain("\n  ");
        OrcidWork other = new OrcidWork(null, work.title(), work.journalTitle(), work.shortDescription(),
                work.citation(), work.type(), new PublicationDate(2022, 5, 5), work.externalIds(), work.url(),
                work.contributors(), work.languageCode(), work.country());
        assertThat(other.canonicalHash()).isNotEqualTo(work.canonicalHash());
    }

    @Test
    void worksOrcidWouldRefuseCannotBeBuilt() {
        ExternalId partOf = new ExternalId("issn", "1234-5678", null, Relationship.PART_OF);
        assertThatThrownBy(() -> new OrcidWork(null, WorkTitle.of("t"), null, null, null, "other", null,
                List.of(partOf), null, List.of(), null, null)).hasMessageContaining("9023");
        assertThatThrownBy(() -> new OrcidWork(null, WorkTitle.of("t"), null, null, null, "dataset", null,
                List.of(SELF), null, List.of(), null, null)).hasMessageContaining("9037");
        assertThatThrownBy(() -> new OrcidWork(null, WorkTitle.of("t"), null, null, null, "other", null,
                List.of(SELF), null, List.of(), "en-US", null)).hasMessageContaining("language");
        assertThatThrownBy(() -> WorkTitle.of(" ")).hasMessageContaining("9022");
        assertThatThrownBy(() -> WorkTitle.of("x".repeat(1001))).hasMessageContaining("1000");
        assertThatThrownBy(() -> new ExternalId("issn", "1234-5678", null, Relationship.FUNDED_BY))
                .hasMessageContaining("funded-by");
        assertThatThrownBy(() -> new WorkContributor(null, "A", null, "writer"))
                .hasMessageContaining("9058");
        assertThatThrownBy(() -> new PublicationDate(2021, 2, 29)).hasMessageContaining("9049");
        assertThatThrownBy(() -> new PublicationDate(1899, null, null)).hasMessageContaining("1900");
        assertThatThrownBy(() -> new Citation("apa", "x")).hasMessageContaining("citation-type");
        assertThatThrownBy(() -> minimal().withPutCode(0)).hasMessageContaining("put-code");
        assertThatThrownBy(() -> new ContributorOrcid(OrcidId.parse("0000-0002-1825-0097"), "evil.example"))
                .hasMessageContaining("orcid.org");
    }

    @Test
    void contributorRolesAcceptOrcidsTwoVocabulariesOnly() {
        assertThat(ContributorRoles.isValid("author")).isTrue();
        assertThat(ContributorRoles.isValid("http://credit.niso.org/contributor-roles/software/")).isTrue();
        assertThat(ContributorRoles.isValid("https://credit.niso.org/contributor-roles/software/")).isFalse();
        assertThat(ContributorRoles.isValid("http://credit.niso.org/contributor-roles/software")).isFalse();
        assertThat(ContributorRoles.creditRole("Writing – original draft"))
                .contains("http://credit.niso.org/contributor-roles/writing-original-draft/");
        assertThat(ContributorRoles.creditRole("Writing - review & editing"))
                .contains("http://credit.niso.org/contributor-roles/writing-review-editing/");
        assertThat(ContributorRoles.creditRole("Editor")).isEmpty();
    }
}
