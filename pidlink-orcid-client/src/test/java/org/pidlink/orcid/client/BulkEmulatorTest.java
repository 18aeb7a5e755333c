package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;

/** Bulk writes and reads against the emulator. */
class BulkEmulatorTest extends EmulatorTest {

    @Test
    void mixedBulkAnswersEachWorkInRequestOrder() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        String existingDoi = EmulatorFixture.freshDoi();
        long existing = works.createWork(researcher, token, EmulatorFixture.work("Existing", existingDoi)).orElseThrow();
        String newDoi = EmulatorFixture.freshDoi();

        List<OrcidResult<Long>> results = works.createWorks(researcher, token, List.of(
                EmulatorFixture.work("New one", newDoi),
                EmulatorFixture.work("Already there", existingDoi),
                EmulatorFixture.workWithoutIds("No ids"),
                EmulatorFixture.work("Another", EmulatorFixture.freshDoi()),
                EmulatorFixture.work("Same DOI as the first of this bulk", newDoi))).orElseThrow();

        assertThat(results).hasSize(5);
        long created = results.get(0).orElseThrow();
        OrcidError duplicate = failure(results.get(1));
        assertThat(duplicate).isInstanceOf(OrcidError.Duplicate.class);
        assertThat(((OrcidError.Duplicate) duplicate).existingPutCode()).hasValue(existing);
        OrcidError invalid = failure(results.get(2));
        assertThat(invalid).isInstanceOf(OrcidError.InvalidWork.class);
        assertThat(invalid.errorCode()).isEqualTo(9023);
        assertThat(results.get(3).isOk()).isTrue();
        OrcidError inBulkDuplicate = failure(results.get(4));
        assertThat(inBulkDuplicate).isInstanceOf(OrcidError.Duplicate.class);
        // The first item was stored before the fifth was checked, so ORCID can name it.
        assertThat(((OrcidError.Duplicate) inBulkDuplicate).existingPutCode()).hasValue(created);

        assertThat(works.readWorks(researcher, token).orElseThrow()).extracting(WorkSummary::putCode)
                .containsExactlyInAnyOrder(existing, created, results.get(3).orElseThrow());
    }

    @Test
    void aFullBulkOfOneHundredIsAccepted() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        List<String> hundred = IntStream.range(0, OrcidWorksClient.MAX_BULK)
                .mapToObj(i -> EmulatorFixture.work("Work " + i, EmulatorFixture.freshDoi())).toList();

        List<OrcidResult<Long>> results = works.createWorks(researcher, token, hundred).orElseThrow();

        assertThat(results).hasSize(100).allMatch(OrcidResult::isOk);
        assertThat(results.stream().map(OrcidResult::orElseThrow).distinct()).hasSize(100);
    }

    @Test
    void moreThanOneHundredIsRefusedBeforeSending() {
        List<String> tooMany = Collections.nCopies(101, EmulatorFixture.work("x", "10.1/x"));
        assertThatThrownBy(() -> works.createWorks(orcid.researcher(), "token", tooMany))
                .isInstanceOf(IllegalArgumentException.class);
        List<Long> putCodes = LongRange.of(101);
        assertThatThrownBy(() -> works.readWorksBulk(orcid.researcher(), "token", putCodes))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(works.createWorks(orcid.researcher(), "token", List.of()).orElseThrow()).isEmpty();
    }

    @Test
    void bulkWriteFailsAsAWholeWhenTheTokenIsRejected() {
        OrcidId researcher = orcid.researcher();
        OrcidError error = failure(works.createWorks(researcher, "11111111-2222-3333-4444-555555555555",
                List.of(EmulatorFixture.work("x", EmulatorFixture.freshDoi()))));
        assertThat(error).isInstanceOf(OrcidError.TokenRejected.class);
    }

    @Test
    void bulkReadReturnsFoundWorksAndNamesTheMissingOnes() {
        OrcidId researcher = orcid.researcher();
        String token = orcid.token(researcher);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(works.createWork(researcher, token, EmulatorFixture.work("W" + i, EmulatorFixture.freshDoi()))
                    .orElseThrow());
        }
        long unknown = created.stream().mapToLong(Long::longValue).max().orElseThrow() + 1_000_000;
        List<Long> asked = new ArrayList<>(created);
        asked.add(unknown);

        BulkReadResult result = works.readWorksBulk(researcher, token, asked).orElseThrow();

        assertThat(result.works()).extracting(FetchedWork::putCode).containsExactlyInAnyOrderElementsOf(created);
        assertThat(result.works()).allSatisfy(w -> assertThat(w.json()).contains("\"put-code\""));
        assertThat(result.missingPutCodes()).containsExactly(unknown);
        assertThat(result.itemErrors()).singleElement().satisfies(e -> assertThat(e.errorCode()).isEqualTo(9034));
    }

    /** Put-codes 1..n. */
    private static final class LongRange {
        static List<Long> of(int n) {
            return IntStream.rangeClosed(1, n).mapToObj(i -> (long) i).toList();
        }
    }
}
