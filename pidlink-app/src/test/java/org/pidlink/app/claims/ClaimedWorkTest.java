package org.pidlink.app.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.SharedFiles;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.metadata.Person;
import org.pidlink.core.work.InvalidWorkException;
import org.pidlink.core.work.OrcidWork;
import org.pidlink.core.work.WorkMapper;

/** A batch reads its work once, streamed, for all its researchers: what it reads is what one reading per researcher says. */
class ClaimedWorkTest {

    private static final OrcidId ABSENT = new OrcidId("0000-0002-1825-0097");

    @Test
    void oneStreamedReadingForAllEqualsOneReadingEach() throws IOException {
        int compared = 0;
        int named = 0;
        try (DirectoryStream<Path> samples = Files.newDirectoryStream(
                SharedFiles.path("metadata/datacite/xml/official"), "*.xml")) {
            for (Path sample : samples) {
                List<DoiRecord> records = MetadataReader.standard().read(Files.readAllBytes(sample)).records();
                if (records.isEmpty() || records.getFirst().titles().isEmpty()) {
                    continue;
                }
                Set<OrcidId> researchers = new LinkedHashSet<>();
                for (Person person : records.getFirst().creators()) {
                    if (person.orcid() != null) {
                        researchers.add(person.orcid());
                    }
                }
                for (Person person : records.getFirst().contributors()) {
                    if (person.orcid() != null) {
                        researchers.add(person.orcid());
                    }
                }
                researchers.add(ABSENT);
                OrcidWork.Canonical work;
                try {
                    work = WorkMapper.standard().map(records.getFirst(), researchers).canonical();
                } catch (InvalidWorkException e) {
                    continue;
                }
                WorkPayload payload = new WorkPayload(work.json(), work.hash());

                Map<OrcidId, ClaimedWork> all = ClaimedWork.ofAll(payload, researchers);

                for (OrcidId orcid : researchers) {
                    assertThat(all.get(orcid)).as(sample + " " + orcid).isEqualTo(ClaimedWork.of(payload, orcid));
                    compared++;
                    if (all.get(orcid).namedAs() != null) {
                        named++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(20);
        assertThat(named).as("creators and contributors among them").isGreaterThan(10);
    }

    @Test
    void aListingWithoutSequenceIsAContributor() {
        WorkPayload odd = new WorkPayload("{\"type\":\"book\",\"contributors\":{\"contributor\":[{\"contributor-orcid\":"
                + "{\"path\":\"0000-0002-1825-0097\"},\"contributor-attributes\":{}}]}}", "sha256:x");

        assertThat(ClaimedWork.ofAll(odd, List.of(ABSENT))).containsEntry(ABSENT, ClaimedWork.of(odd, ABSENT))
                .extractingByKey(ABSENT).extracting(ClaimedWork::namedAs).isEqualTo(ClaimedWork.CONTRIBUTOR);
    }
}
