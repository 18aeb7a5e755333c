package org.pidlink.bench.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.pidlink.core.metadata.MetadataFormat;
import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.metadata.ReadResult;
import org.pidlink.core.work.InvalidWorkException;
import org.pidlink.core.work.WorkMapper;

/**
 * The real metadata files a mapping benchmark cycles through, all in memory: one format's documents from the
 * shared directory, each read once up
 * front to count its records and to keep only documents that read without errors and map.
 */
final class MappingCorpus {

    /** System property (and {@code --shared} option) naming the shared reference directory. */
    static final String SHARED_DIR_PROPERTY = "pidlink.shared.dir";

    final List<byte[]> documents;
    final long records;

    private MappingCorpus(List<byte[]> documents, long records) {
        this.documents = List.copyOf(documents);
        this.records = records;
    }

    /** Average DOI records per document, to turn documents per second into records per second. */
    double recordsPerDocument() {
        return (double) records / documents.size();
    }

    static MappingCorpus of(MetadataFormat format) {
        Path metadata = sharedDir().resolve("metadata");
        List<Path> folders = switch (format) {
            case DATACITE_XML -> List.of(metadata.resolve("datacite/xml/official"),
                    metadata.resolve("datacite/xml/from-api"));
            case DATACITE_JSON -> List.of(metadata.resolve("datacite/api-json/single"),
                    metadata.resolve("datacite/api-json/list"));
            case CROSSREF_XML, CROSSREF_UNIXSD -> List.of(metadata.resolve("crossref/deposit"),
                    metadata.resolve("crossref/unixsd"));
            case CROSSREF_JSON -> List.of(metadata.resolve("crossref/rest-json"));
        };
        MetadataReader reader = MetadataReader.standard();
        List<byte[]> documents = new ArrayList<>();
        long records = 0;
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    ReadResult result = reader.read(bytes);
                    if (!result.records().isEmpty() && result.errors().isEmpty() && allMap(result)) {
                        documents.add(bytes);
                        records += result.records().size();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("no readable " + format.label() + " documents in " + folders);
        }
        return new MappingCorpus(documents, records);
    }

    private static boolean allMap(ReadResult result) {
        try {
            result.records().forEach(WorkMapper.standard()::map);
            return true;
        } catch (InvalidWorkException e) {
            return false;
        }
    }

    static Path sharedDir() {
        String configured = System.getProperty(SHARED_DIR_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        for (String candidate : new String[] {"../shared", "../../shared", "shared"}) {
            if (Files.isDirectory(Path.of(candidate, "metadata"))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("the shared metadata directory was not found: pass --shared DIR");
    }
}
