package org.pidlink.app.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real PostgreSQL with pidlink's Flyway schema for claims and push tests that run without Spring: started once
 * per JVM, claims and push tables emptied before each test. The server runs in a time zone far from UTC on
 * purpose, so that a timestamp handled without its zone shows up as a failing test.
 */
public final class TestDatabase implements BeforeEachCallback {

    private static final class Holder {
        static final EmbeddedPostgres POSTGRES = start();
        static final HikariDataSource DATA_SOURCE = dataSource(POSTGRES);

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        .setServerConfig("timezone", "Pacific/Chatham")
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static HikariDataSource dataSource(EmbeddedPostgres postgres) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(30);
            config.setPoolName("claims-tests");
            HikariDataSource ds = new HikariDataSource(config);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return ds;
        }
    }

    public DataSource dataSource() {
        return Holder.DATA_SOURCE;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(Holder.DATA_SOURCE);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        jdbc().execute("TRUNCATE claim, orcid_call, push_researcher, push_client, orcid_rate_bucket RESTART IDENTITY");
    }
}
