package org.pidlink.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.pidlink.app.claims.ClaimLink;
import org.pidlink.app.claims.ClaimStatus;
import org.pidlink.app.claims.Provenance;
import org.pidlink.core.identifiers.Doi;

/**
 * A DOI's links are read once and kept while nothing changed, read again once something did, and kept compactly:
 * the same iD, ORCID client and provenances are one object however many DOIs they appear in.
 */
class KeptDoiLinksTest {

    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void keptWhileNothingChangedReadAgainOnceSomethingDid() {
        AtomicInteger reads = new AtomicInteger();
        Function<Doi, List<ClaimLink>> database = oneLinkEach(reads);
        KeptDoiLinks kept = new KeptDoiLinks(Duration.ofMinutes(1), 1 << 20);
        Doi doi = new Doi("10.5555/kept");

        List<ClaimLink> first = kept.links(doi, 7, database);
        assertThat(kept.links(doi, 7, database)).isSameAs(first);
        assertThat(reads).hasValue(1);

        assertThat(kept.links(doi, 8, database)).as("a change anywhere: read again").isEqualTo(first);
        assertThat(reads).hasValue(2);
        assertThat(first.getFirst()).isEqualTo(link("0000-0002-1825-0097", doi, ClaimStatus.IN_ORCID));
    }

    @Test
    void linksOfManyDoisShareTheirIdsClientsAndProvenances() {
        KeptDoiLinks kept = new KeptDoiLinks(Duration.ofMinutes(1), 1 << 20);
        // Each read makes new strings and sets, as rows read from the database are.
        Function<Doi, List<ClaimLink>> database = doi -> List.of(
                link(new String("0000-0002-1825-0097".toCharArray()), doi, ClaimStatus.IN_ORCID),
                link(new String("0000-0001-5109-3700".toCharArray()), doi, ClaimStatus.QUEUED));
        List<ClaimLink> one = kept.links(new Doi("10.5555/one"), 1, database);
        List<ClaimLink> two = kept.links(new Doi("10.5555/two"), 1, database);

        assertThat(two.get(0).orcid()).isSameAs(one.get(0).orcid());
        assertThat(two.get(1).registrationId()).isSameAs(one.get(0).registrationId());
        assertThat(two.get(1).provenance()).isSameAs(one.get(0).provenance())
                .containsExactly(Provenance.AUTO_UPDATE, Provenance.IMPORT);
        assertThat(one.get(1).doi()).isEqualTo("10.5555/one");
    }

    @Test
    void noMoreKeptThanItsBytesAllow() {
        AtomicInteger reads = new AtomicInteger();
        Function<Doi, List<ClaimLink>> database = oneLinkEach(reads);
        // Room for about ten DOIs of one link each.
        KeptDoiLinks kept = new KeptDoiLinks(Duration.ofMinutes(1),
                10 * (KeptDoiLinks.BYTES_A_DOI + 2 * 20 + KeptDoiLinks.BYTES_A_LINK));
        for (int i = 0; i < 1_000; i++) {
            kept.links(new Doi("10.5555/many-" + i), 1, database);
        }
        reads.set(0);
        for (int i = 0; i < 1_000; i++) {
            kept.links(new Doi("10.5555/many-" + i), 1, database);
        }
        assertThat(reads.get()).isGreaterThan(900);
    }

    /** Each DOI read has one link, in ORCID; {@code reads} counts the reads. */
    private static Function<Doi, List<ClaimLink>> oneLinkEach(AtomicInteger reads) {
        return doi -> {
            reads.incrementAndGet();
            return List.of(link("0000-0002-1825-0097", doi, ClaimStatus.IN_ORCID));
        };
    }

    private static ClaimLink link(String orcid, Doi doi, ClaimStatus status) {
        return new ClaimLink(orcid, doi.value(), new String("auto-update".toCharArray()),
                EnumSet.of(Provenance.IMPORT, Provenance.AUTO_UPDATE), status, AT);
    }
}
