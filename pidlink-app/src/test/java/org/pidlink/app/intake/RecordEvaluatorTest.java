package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pidlink.app.claims.RecordFacts;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.intake.RecordEvaluator.Evaluation;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.work.OrcidWork;
import org.pidlink.core.work.WorkMapper;

/** What a record asks of ORCID, and the content hash that makes intake idempotent. */
class RecordEvaluatorTest {

    private static DoiRecord read(String json) {
        return MetadataReader.standard().read(json.getBytes(StandardCharsets.UTF_8)).records().getFirst();
    }

    private static DoiRecord affiliationSample() {
        return MetadataReader.standard().read(IntakeTestSupport.sharedBytes(
                "metadata/datacite/xml/official/affiliation-v4.xml")).records().getFirst();
    }

    @Test
    void contributorsCountWhenConfigured() {
        Evaluation both = RecordEvaluator.standard(true).evaluate(affiliationSample());
        Evaluation creatorsOnly = RecordEvaluator.standard(false).evaluate(affiliationSample());

        assertThat(both.orcids()).containsExactly("0000-0001-5000-0007", "0000-0002-1825-0097", "0000-0002-7285-027X");
        assertThat(creatorsOnly.orcids()).containsExactly("0000-0001-5000-0007", "0000-0002-1825-0097");
        assertThat(creatorsOnly.works()).hasSize(2);
        assertThat(both.contentHash()).isNotEqualTo(creatorsOnly.contentHash());
    }

    @Test
    void theHashFollowsTheWorkWrittenToOrcidOnly() {
        String doi = TestRecords.newDoi();
        String orcid = TestRecords.newOrcid();
        RecordEvaluator evaluator = RecordEvaluator.standard(true);
        Evaluation original = evaluator.evaluate(read(TestRecords.dataciteJson(doi, "findable", "Title", List.of(orcid),
                List.of())));
        Evaluation same = evaluator.evaluate(read(TestRecords.dataciteJson(doi, "findable", "Title", List.of(orcid),
                List.of())));
        Evaluation retitled = evaluator.evaluate(read(TestRecords.dataciteJson(doi, "findable", "Another title",
                List.of(orcid), List.of())));
        Evaluation hidden = evaluator.evaluate(read(TestRecords.dataciteJson(doi, "registered", "Title",
                List.of(orcid), List.of())));

        assertThat(same.contentHash()).isEqualTo(original.contentHash());
        assertThat(retitled.contentHash()).isNotEqualTo(original.contentHash());
        // A registered DOI is left to each researcher's filters: it has its work, and says it is registered.
        assertThat(hidden.skipReason()).isNull();
        assertThat(hidden.facts()).isEqualTo(RecordFacts.of(false, null));
        assertThat(original.facts()).isEqualTo(RecordFacts.of(true, null));
        assertThat(hidden.works()).hasSize(1);
        assertThat(hidden.orcids()).containsExactly(orcid);
        assertThat(hidden.contentHash()).isNotEqualTo(original.contentHash());
        assertThat(original.works().values()).singleElement()
                .satisfies(p -> assertThat(p.json()).contains("\"title\"").doesNotContain("put-code"));
    }

    @Test
    void theSharedWorkIsGivenToTheIndexOnlyWhenItIsTheWorkAddressedToNobody() {
        RecordEvaluator evaluator = RecordEvaluator.standard(true);
        WorkMapper plain = WorkMapper.standard();
        String creator = TestRecords.newOrcid();
        String contributor = TestRecords.newOrcid();
        DoiRecord withRole = read(TestRecords.dataciteJson(TestRecords.newDoi(), "findable", "Cores", List.of(creator),
                List.of(contributor)));
        // A sponsor has no ORCID role: the work lists her only because it is written to her record.
        DoiRecord withoutRole = read(TestRecords.dataciteJson(TestRecords.newDoi(), "findable", "Cores",
                List.of(creator), List.of(contributor)).replace("DataCollector", "Sponsor"));

        for (DoiRecord record : List.of(withRole, affiliationSample())) {
            WorkPayload shared = evaluator.sharedWork(evaluator.evaluate(record));
            OrcidWork.Canonical mapped = plain.map(record).canonical();
            assertThat(shared).as(record.doi().value()).isNotNull();
            assertThat(shared.json()).isEqualTo(mapped.json());
            assertThat(shared.canonicalHash()).isEqualTo(mapped.hash());
        }
        Evaluation sponsored = evaluator.evaluate(withoutRole);
        assertThat(sponsored.works()).hasSize(2);
        assertThat(evaluator.sharedWork(sponsored)).isNull();
        assertThat(plain.map(withoutRole).canonical().json()).doesNotContain(contributor);
    }

    @Test
    void aRecordWithoutTitleIsRejectedWithTheReason() {
        String json = TestRecords.dataciteJson(TestRecords.newDoi(), "findable", "x", List.of(TestRecords.newOrcid()),
                List.of()).replace("\"titles\":[{\"title\":\"x\"}]", "\"titles\":[]");

        Evaluation e = RecordEvaluator.standard(true).evaluate(read(json));

        assertThat(e.rejection()).startsWith("the DOI cannot become an ORCID work");
    }
}
