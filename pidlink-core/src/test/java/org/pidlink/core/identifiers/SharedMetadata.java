package org.pidlink.core.identifiers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** Locates the shared reference data: system property {@code pidlink.shared.dir}, else ../shared or ../../shared. */
final class SharedMetadata {

    private SharedMetadata() {
    }

    static Path sharedDir() {
        String configured = System.getProperty("pidlink.shared.dir");
        Stream<Path> candidates = configured != null && !configured.isBlank()
                ? Stream.of(Paths.get(configured))
                : Stream.of(Paths.get("../shared"), Paths.get("../../shared"));
        return candidates.map(Path::toAbsolutePath).map(Path::normalize)
                .filter(p -> Files.isDirectory(p.resolve("metadata")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "shared reference data not found; set -Dpidlink.shared.dir (was " + configured + ")"));
    }

    static Path metadataDir() {
        return sharedDir().resolve("metadata");
    }
}
