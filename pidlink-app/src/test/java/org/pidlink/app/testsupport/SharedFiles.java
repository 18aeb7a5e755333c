package org.pidlink.app.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The read-only reference material ({@code ../shared}, or the property {@code pidlink.shared.dir}): ORCID's XSDs, samples. */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path path(String relative) {
        String configured = System.getProperty("pidlink.shared.dir");
        for (Path base : List.of(configured == null ? Path.of("../shared") : Path.of(configured), Path.of("../shared"),
                Path.of("../../shared"))) {
            Path candidate = base.resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared file not found: " + relative);
    }
}
