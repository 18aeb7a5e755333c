package org.pidlink.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Runs a real PostgreSQL from Maven Central's binaries when no external database is configured,
 * so that {@code ./pidlink serve} and the tests need nothing installed by hand.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        try {
            Files.createDirectories(properties.clusterDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + properties.clusterDir(), e);
        }
        if (!properties.clean()) {
            new OrphanedPostmaster(properties.clusterDir(), Duration.ofSeconds(60)).stopIfOrphaned();
        }
        log.info("Starting embedded PostgreSQL with its data in {}", properties.clusterDir());
        return EmbeddedPostgres.builder()
                .setDataDirectory(properties.clusterDir())
                .setCleanDataDirectory(properties.clean())
                // Spring stops PostgreSQL when the context closes, after everything using the DataSource;
                // zonky's own exit hook would stop it first, under running workers.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", properties.clean() ? "off" : "on")
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("pidlink-embedded");
        return new HikariDataSource(config);
    }
}
