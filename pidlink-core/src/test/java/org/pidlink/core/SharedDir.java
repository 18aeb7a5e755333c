package org.pidlink.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only reference directory (ORCID's XSDs, real DOI metadata), where the build tells tests it is
 * ({@code pidlink.shared.dir}), else {@code ../shared} or {@code ../../shared}. The one place tests look for it.
 */
public final class SharedDir {

    private SharedDir() {
    }

    public static Path path() {
        String configured = System.getProperty("pidlink.shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (String candidate : new String[] {"../shared", "../../shared"}) {
            if (Files.isDirectory(Path.of(candidate, "orcid"))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("the shared reference directory was not found: set -Dpidlink.shared.dir");
    }
}
