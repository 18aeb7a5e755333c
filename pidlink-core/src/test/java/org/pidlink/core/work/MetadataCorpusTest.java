package org.pidlink.core.work;

import org.pidlink.core.SharedDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.metadata.Person;
import org.pidlink.core.metadata.ReadResult;

/**
 * Every real DataCite and Crossref file in the shared directory, read and mapped: each work must be valid for
 * ORCID in XML and JSON, written for each researcher named in it.
 */
class MetadataCorpusTest {

    private static final Path METADATA = SharedDir.path().resolve("metadata");
    private final MetadataReader reader = MetadataReader.standard();
    private final WorkMapper mapper = WorkMapper.standard();

    static List<Path> metadataFiles() throws IOException {
        try (Stream<Path> files = Files.walk(METADATA)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".xml") || f.toString().endsWith(".json"))
                    .filter(f -> !METADATA.relativize(f).toString().contains("xsd"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRecordMapsToAWorkOrcidAccepts() throws IOException {
        return metadataFiles().stream().map(file -> DynamicTest.dynamicTest(METADATA.relativize(file).toString(),
                () -> checkFile(file)));
    }

    private void checkFile(Path file) throws IOException {
        ReadResult result = reader.read(Files.readAllBytes(file));
        List<OrcidWork> works = new ArrayList<>();
        for (DoiRecord record : result.records()) {
            if (record.titles().stream().allMatch(t -> t.text() == null || t.text().isBlank())) {
                assertThatThrownBy(() -> mapper.map(record)).isInstanceOf(InvalidWorkException.class);
                continue;
            }
            OrcidWork work = mapper.map(record);
            WorkAssertions.assertValidForOrcid(work);
            works.add(work);
            for (OrcidId researcher : researchers(record)) {
                OrcidWork forResearcher = mapper.map(record, researcher);
                assertThat(forResearcher.contributors()).anyMatch(
                        c -> c.orcid() != null && c.orcid().id().equals(researcher));
            }
        }
        if (works.size() > 1) {
            WorkAssertions.assertValidBulkForOrcid(works.subList(0, Math.min(works.size(), 100)));
        }
    }

    private static List<OrcidId> researchers(DoiRecord record) {
        return Stream.concat(record.creators().stream(), record.contributors().stream())
                .map(Person::orcid).filter(o -> o != null).distinct().toList();
    }

    @Test
    void theCorpusIsReallyThere() throws IOException {
        List<Path> files = metadataFiles();
        assertThat(files).hasSizeGreaterThan(80);
        long records = 0;
        for (Path f : files) {
            records += reader.read(Files.readAllBytes(f)).records().size();
        }
        assertThat(records).isGreaterThan(100);
    }
}
