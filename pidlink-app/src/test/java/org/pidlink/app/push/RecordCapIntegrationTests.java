package org.pidlink.app.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.app.push.PushFixture.AUTO;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.ClaimView;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.testsupport.TestDatabase;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.state.Visibility;
import org.pidlink.emulator.works.Work;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.WorkSummary;

/**
 * ORCID's 10,000-work cap against the emulator (which counts every source's works, as ORCID does): pidlink writes
 * the works that matter most into the room left, holds the rest as "record full" (no failure, no retry), writes
 * the next ones when room appears, and a 9048 (another source filled the record meanwhile) costs one call.
 */
class RecordCapIntegrationTests {

    @RegisterExtension
    static final TestDatabase DB = new TestDatabase();

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static final int CAP = 10_000;

    PushFixture fx;
    PushEngine engine;

    @BeforeEach
    void setUp() {
        fx = new PushFixture(ORCID.emulator(), DB);
        engine = fx.engine("instance-a");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void writesTheWorksThatMatterMostIntoTheRoomLeftAndHoldsTheRestAsRecordFull() {
        OrcidId hyper = fx.connectedResearcher("Hyper");
        fillFromAnotherSource(hyper, CAP - 4);
        readRecordAsReconcileDoes(hyper);
        // Asserted oldest-first and data files first: the order of arrival must not decide.
        Map<String, Long> claims = new LinkedHashMap<>();
        claims.put("2019 data set", claim(hyper, 1, "data-set", "2019"));
        claims.put("no year article", claim(hyper, 2, "journal-article", null));
        claims.put("2024 data set", claim(hyper, 3, "data-set", "2024"));
        claims.put("2021 article", claim(hyper, 4, "journal-article", "2021"));
        claims.put("2024 article", claim(hyper, 5, "journal-article", "2024"));
        claims.put("2025 data set", claim(hyper, 6, "data-set", "2025"));
        claims.put("2021 data set", claim(hyper, 7, "data-set", "2021"));

        engine.runDueWork();

        assertThat(statuses(claims)).containsExactly(
                Map.entry("2019 data set", ClaimStatus.RECORD_FULL),
                Map.entry("no year article", ClaimStatus.RECORD_FULL),
                Map.entry("2024 data set", ClaimStatus.IN_ORCID),
                Map.entry("2021 article", ClaimStatus.IN_ORCID),
                Map.entry("2024 article", ClaimStatus.IN_ORCID),
                Map.entry("2025 data set", ClaimStatus.IN_ORCID),
                // Same year as the article that took the last place: articles come before single data files.
                Map.entry("2021 data set", ClaimStatus.RECORD_FULL));
        assertThat(fx.worksOnOrcid(hyper)).hasSize(CAP);
        assertThat(fx.calls("POST", "/works")).isEqualTo(1);
        assertThat(refusedForTheCap()).isZero();
        ClaimView held = fx.view(claims.get("2019 data set"));
        assertThat(held.status().label()).isEqualTo("Not written: your ORCID record is full");
        assertThat(held.nextAttemptAt()).isNull();
        assertThat(fx.claims.recordFullCount(hyper)).isEqualTo(3);

        // Nothing is retried while the record stays full, however much time passes.
        fx.clock.advance(Duration.ofDays(2));
        assertThat(engine.runDueWork()).isZero();
        assertThat(fx.calls("POST", "/works") + fx.calls("POST", "/work")).isEqualTo(1);
    }

    @Test
    void writesTheNextOnesWhenRoomAppears() {
        OrcidId hyper = fx.connectedResearcher("Roomy");
        List<Long> others = fillFromAnotherSource(hyper, CAP - 1);
        readRecordAsReconcileDoes(hyper);
        long newest = claim(hyper, 11, "journal-article", "2026");
        long older = claim(hyper, 12, "journal-article", "2020");
        long oldest = claim(hyper, 13, "journal-article", "2010");
        engine.runDueWork();
        assertThat(List.of(newest, older, oldest)).extracting(id -> fx.view(id).status())
                .containsExactly(ClaimStatus.IN_ORCID, ClaimStatus.RECORD_FULL, ClaimStatus.RECORD_FULL);

        // She deletes another source's work on ORCID; ORCID's callback makes pidlink read the record.
        assertThat(ORCID.control().deleteWork(hyper.value(), others.getFirst())).isTrue();
        readRecordAsReconcileDoes(hyper);
        engine.runDueWork();
        assertThat(fx.view(older).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.view(oldest).status()).isEqualTo(ClaimStatus.RECORD_FULL);

        // A DOI goes away: its work leaves her record, and the last one held back takes its place.
        fx.claims.withdraw(hyper, PushFixture.doi(11), AUTO, Provenance.AUTO_UPDATE, "the DOI was deleted");
        engine.runDueWork();
        assertThat(fx.view(oldest).status()).isEqualTo(ClaimStatus.IN_ORCID);
        assertThat(fx.claims.recordFullCount(hyper)).isZero();
        assertThat(fx.worksOnOrcid(hyper)).hasSize(CAP);
        assertThat(refusedForTheCap()).isZero();
    }

    @Test
    void aRefusalForTheCapHoldsEveryRemainingWorkAtOnceWithOneCall() {
        OrcidId busy = fx.connectedResearcher("Busy");
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < 250; n++) {
            ids.add(claim(busy, 100 + n, "journal-article", "2023"));
        }
        // pidlink last saw an empty record; another source fills it before pidlink writes.
        fillFromAnotherSource(busy, CAP - 50);

        engine.runDueWork();

        assertThat(fx.calls("POST", "/works")).isEqualTo(1);
        assertThat(refusedForTheCap()).isEqualTo(1);
        assertThat(ids).allSatisfy(id -> assertThat(fx.view(id).status()).isEqualTo(ClaimStatus.RECORD_FULL));
        assertThat(fx.view(ids.getFirst()).orcidMessage()).isNotBlank();
        assertThat(fx.worksOnOrcid(busy)).hasSize(CAP - 50);
        fx.clock.advance(Duration.ofHours(6));
        assertThat(engine.runDueWork()).isZero();
        assertThat(fx.calls("POST", "/works")).isEqualTo(1);

        // Once pidlink reads the record, it knows the 50 places left and fills them, best first, in one bulk.
        readRecordAsReconcileDoes(busy);
        engine.runDueWork();
        assertThat(fx.calls("POST", "/works")).isEqualTo(2);
        assertThat(fx.worksOnOrcid(busy)).hasSize(CAP);
        assertThat(fx.claims.recordFullCount(busy)).isEqualTo(200);
        assertThat(refusedForTheCap()).isEqualTo(1);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private long claim(OrcidId researcher, int n, String type, @Nullable String year) {
        Doi doi = PushFixture.doi(n);
        String date = year == null ? "" : ",\"publication-date\":{\"year\":{\"value\":\"" + year + "\"}}";
        WorkPayload payload = WorkPayload.ofCanonicalJson("{\"title\":{\"title\":{\"value\":\"Work " + n + "\"}},"
                + "\"type\":\"" + type + "\"" + date + ",\"external-ids\":{\"external-id\":[{\"external-id-type\":"
                + "\"doi\",\"external-id-value\":\"" + doi.value() + "\",\"external-id-url\":{\"value\":\"" + doi.url()
                + "\"},\"external-id-relationship\":\"self\"}]}}");
        return fx.claims.assertClaim(researcher, doi, AUTO, Provenance.AUTO_UPDATE, payload).claimId();
    }

    /** What the reconciler does after ORCID's callback: read her works with her token, tell claims what it saw. */
    private void readRecordAsReconcileDoes(OrcidId researcher) {
        List<WorkSummary> works = switch (fx.orcid.works().readWorks(researcher, fx.token(researcher))) {
            case OrcidResult.Ok<List<WorkSummary>> ok -> ok.value();
            case OrcidResult.Failed<List<WorkSummary>> failed -> throw new AssertionError(failed.error());
        };
        fx.claims.worksOnRecord(researcher, works.stream().map(WorkSummary::putCode).toList());
    }

    private int refusedForTheCap() {
        Integer n = fx.jdbc().queryForObject("SELECT count(*) FROM orcid_call WHERE error_code = 9048", Integer.class);
        return n == null ? 0 : n;
    }

    private Map<String, ClaimStatus> statuses(Map<String, Long> claims) {
        Map<String, ClaimStatus> statuses = new LinkedHashMap<>();
        claims.forEach((name, id) -> statuses.put(name, fx.view(id).status()));
        return statuses;
    }

    /** Another source's public works on her record, put straight into the emulator's state (fast). */
    private static List<Long> fillFromAnotherSource(OrcidId researcher, int count) {
        EmulatorState state = ORCID.emulator().state();
        var record = state.researcher(researcher.value()).orElseThrow();
        List<Long> putCodes = new ArrayList<>();
        state.changeWorks(record, works -> {
            for (int i = 0; i < count; i++) {
                long pc = state.nextPutCode();
                Work work = new Work(null, "Instrument record " + i, null, null, null, null, null, "other", null,
                        List.of(new Work.ExternalId("other-id", researcher.value() + "-" + i, null, "self")),
                        null, null, null, null, null);
                works.put(new StoredWork(pc, "APP-ANOTHER-SOURCE", state.now(), state.now(), Visibility.PUBLIC, work,
                        List.of(researcher.value() + "-" + i)));
                putCodes.add(pc);
            }
            return EmulatorState.RecordChange.changed(null);
        });
        return putCodes;
    }
}
