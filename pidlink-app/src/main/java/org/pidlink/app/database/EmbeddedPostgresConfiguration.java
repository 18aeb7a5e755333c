package org.pidlink.app.database;

import javax.sql.DataSource;

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

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedPostgresProperties properties) {
        return EmbeddedDatabase.start(properties);
    }

    /** The application's connections, as the role that owns pidlink's schema and nothing else (Flyway uses them too). */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(EmbeddedDatabase.ROLE);
        config.setPassword(database.applicationPassword());
        config.setMaximumPoolSize(20);
        config.setPoolName("pidlink-embedded");
        return new HikariDataSource(config);
    }
}
