package org.pidlink.core.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pidlink.core.SharedDir;
import java.util.stream.Stream;

/** The shared sample metadata in {@code /work/shared/metadata}, found as the brief says. */
final class Samples {

    private static final MetadataReader READER = MetadataReader.standard();

    private Samples() {
    }

    static Path dir() {
        return SharedDir.path().resolve("metadata");
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReadResult read(String relative) {
        return READER.read(bytes(relative));
    }

    /** The one record of a single-record sample, failing if it had errors. */
    static DoiRecord single(String relative) {
        ReadResult result = read(relative);
        if (!result.errors().isEmpty() || result.records().size() != 1) {
            throw new AssertionError(relative + ": expected one clean record, got " + result.records().size()
                    + " records and errors " + result.errors());
        }
        return result.records().get(0);
    }

    /** Each person's ORCID iD, or null, in position order. */
    static List<String> orcids(List<Person> people) {
        return people.stream().map(p -> p.orcid() == null ? null : p.orcid().value()).toList();
    }

    /** Every sample file under a folder (XSDs excluded). */
    static List<Path> under(String folder) {
        try (Stream<Path> s = Files.walk(dir().resolve(folder))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
