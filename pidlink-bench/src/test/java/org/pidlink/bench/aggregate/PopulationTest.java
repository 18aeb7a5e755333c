package org.pidlink.bench.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.metadata.ReadResult;

/** The aggregate benchmark's population has DataCite's shape, exactly the size asked for, and is seeded. */
class PopulationTest {

    private static Population real;

    @BeforeAll
    static void dataCitesScale() {
        real = Population.generate(205_000, 2_500, 1_000_000, 7);
    }

    @Test
    void theLinksAddUpPerResearcherAndPerDoi() {
        assertThat(real.links()).isEqualTo(1_000_000);
        assertThat(IntStream.range(0, real.researchers()).map(real::doisOf).sum()).isEqualTo(1_000_000);
        int[] perResearcher = new int[real.researchers()];
        for (int d = 0; d < real.dois(); d++) {
            int[] researchers = real.researchersOf(d);
            assertThat(researchers.length).isBetween(1, 50);
            assertThat(Arrays.stream(researchers).distinct().count()).isEqualTo(researchers.length);
            for (int r : researchers) {
                perResearcher[r]++;
            }
        }
        for (int r = 0; r < real.researchers(); r++) {
            assertThat(perResearcher[r]).as("researcher %d", r).isEqualTo(real.doisOf(r)).isPositive();
        }
    }

    @Test
    void aFewResearchersHoldMoreThanTheCapAndMostFewerThanAHundred() {
        int[] counts = IntStream.range(0, real.researchers()).map(real::doisOf).sorted().toArray();
        long aboveCap = Arrays.stream(counts).filter(c -> c > 10_000).count();
        long belowHundred = Arrays.stream(counts).filter(c -> c < 100).count();
        assertThat(aboveCap).isBetween(3L, 25L);
        assertThat(belowHundred).isGreaterThan(real.researchers() / 2);
        assertThat(counts[counts.length - 1]).isBetween(20_000, 100_000);
        // ORCID's API users reported records of 48,593, 21,400 and 19,454 works: the largest are of that order.
        assertThat(counts[counts.length - 3]).isGreaterThan(10_000);
    }

    @Test
    void someResearchersAreOnlyContributorsAndSomeRecordsHaveABadChecksum() {
        long contributorsOnly = IntStream.range(0, real.researchers()).filter(real::contributorOnly).count();
        assertThat(contributorsOnly).isBetween(real.researchers() / 40L, real.researchers() / 10L);
        long bad = IntStream.range(0, real.dois()).filter(real::hasBadChecksumId).count();
        assertThat(bad).isBetween(real.dois() / 100L, real.dois() / 25L);
        long xml = IntStream.range(0, real.dois()).filter(real::asXml).count();
        assertThat(xml).isBetween(real.dois() / 5L, real.dois() / 3L);
    }

    @Test
    void theSameSeedGivesTheSamePopulationAndAnotherSeedAnother() {
        Population a = Population.generate(5_000, 200, 25_000, 42);
        Population b = Population.generate(5_000, 200, 25_000, 42);
        Population c = Population.generate(5_000, 200, 25_000, 43);
        boolean differs = false;
        for (int d = 0; d < a.dois(); d++) {
            assertThat(a.researchersOf(d)).isEqualTo(b.researchersOf(d));
            assertThat(a.hasBadChecksumId(d)).isEqualTo(b.hasBadChecksumId(d));
            differs |= !Arrays.equals(a.researchersOf(d), c.researchersOf(d));
        }
        for (int r = 0; r < a.researchers(); r++) {
            assertThat(a.contributorOnly(r)).isEqualTo(b.contributorOnly(r));
        }
        assertThat(differs).isTrue();
        assertThat(c.links()).isEqualTo(25_000);
    }

    @Test
    void anImpossiblePopulationIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Population.generate(100, 10, 6_000, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 50");
    }

    @Test
    void theRecordsNameTheirResearchersAsCreatorsOrContributorsAndReadBack() {
        Population small = Population.generate(2_000, 100, 9_000, 3);
        List<String> orcids = IntStream.range(0, small.researchers())
                .mapToObj(r -> OrcidId.withCheckDigit("0009" + String.format("%011d", 1_000_000L + r)).value())
                .toList();
        AggregateRecords records = new AggregateRecords(small, orcids);
        MetadataReader reader = MetadataReader.standard();
        int xml = 0;
        int bad = 0;
        for (int d = 0; d < 300; d++) {
            String line = records.jsonLine(d);
            if (line.contains("\"xml\":\"")) {
                xml++;
                String encoded = line.replaceAll(".*\"xml\":\"([^\"]+)\".*", "$1");
                assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))
                        .contains("<resource xmlns=\"http://datacite.org/schema/kernel-4\">");
            }
            ReadResult result = reader.read(line.getBytes(StandardCharsets.UTF_8));
            assertThat(result.records()).hasSize(1);
            DoiRecord record = result.records().getFirst();
            assertThat(record.doi().value()).isEqualTo(AggregateRecords.doi(d));
            assertThat(record.creators().size()).isBetween(1, 50);
            Set<String> named = new HashSet<>();
            record.creators().forEach(p -> {
                if (p.orcid() != null) {
                    named.add(p.orcid().value());
                }
            });
            record.contributors().forEach(p -> {
                if (p.orcid() != null) {
                    named.add(p.orcid().value());
                }
            });
            Set<String> expected = new HashSet<>();
            for (int r : small.researchersOf(d)) {
                expected.add(orcids.get(r));
            }
            assertThat(named).isEqualTo(expected);
            if (small.hasBadChecksumId(d)) {
                bad++;
                assertThat(record.rejectedIdentifiers()).isNotEmpty();
            }
        }
        assertThat(xml).isPositive();
        assertThat(bad).isPositive();
    }
}
