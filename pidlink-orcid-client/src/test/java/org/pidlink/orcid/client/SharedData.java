package org.pidlink.orcid.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The read-only ORCID reference material in {@code /work/shared} (property {@code pidlink.shared.dir}). */
final class SharedData {

    private SharedData() {
    }

    static Path dir() {
        String configured = System.getProperty("pidlink.shared.dir");
        List<Path> candidates = configured != null
                ? List.of(Path.of(configured), Path.of("../shared"), Path.of("../../shared"))
                : List.of(Path.of("../shared"), Path.of("../../shared"));
        return candidates.stream().filter(p -> Files.isDirectory(p.resolve("orcid"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("shared reference directory not found: " + candidates));
    }

    static String read(String relative) {
        try {
            return Files.readString(dir().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ORCID's own error texts ({@code apiError.NNNN.developerMessage}), placeholders unresolved. */
    static Properties apiMessages() {
        Properties p = new Properties();
        try (var in = Files.newInputStream(
                dir().resolve("orcid/ORCID-Source/orcid-core/src/main/resources/i18n/api_en.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
