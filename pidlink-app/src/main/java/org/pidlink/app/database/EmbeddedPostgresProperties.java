package org.pidlink.app.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data. Used only when no {@code spring.datasource.url} is set.
 *
 * @param dataDir directory that holds pidlink's data; PostgreSQL's cluster lives in {@code postgres/} below it
 * @param clean   start from an empty cluster each time (tests), instead of keeping data across restarts
 */
@ConfigurationProperties("pidlink")
public record EmbeddedPostgresProperties(Path dataDir, boolean clean) {

    public EmbeddedPostgresProperties {
        if (dataDir == null) {
            dataDir = Path.of(System.getProperty("user.home"), ".pidlink", "data");
        }
    }

    Path clusterDir() {
        return dataDir.resolve("postgres");
    }
}
