package org.pidlink.app.searchlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.SharedFiles;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.work.OrcidWork;
import org.pidlink.core.work.WorkMapper;

/** The index reads title and year from intake's work JSON: the same the mapped work says. */
class DoiIndexTitleTest {

    @Test
    void titleAndYearOfAWorksJsonAreThoseOfTheWork() throws IOException {
        for (String sample : new String[] {"metadata/datacite/xml/official/affiliation-v4.xml",
                "metadata/datacite/xml/official/kernel-4.7-full.xml"}) {
            DoiRecord record = MetadataReader.standard().read(Files.readAllBytes(SharedFiles.path(sample)))
                    .records().getFirst();
            OrcidWork work = WorkMapper.standard().map(record);

            DoiIndex.TitleAndYear read = DoiIndex.TitleAndYear.of(work.canonical().json());

            assertThat(read).as(sample).isNotNull();
            assertThat(read.title()).isEqualTo(work.title().title());
            assertThat(read.year()).isEqualTo(work.publicationDate() == null ? null : work.publicationDate().year());
        }
    }

    @Test
    void aWorkWithoutTitleGivesNothing() {
        assertThat(DoiIndex.TitleAndYear.of("{\"type\":\"data-set\"}")).isNull();
        assertThat(DoiIndex.TitleAndYear.of("not json")).isNull();
    }
}
