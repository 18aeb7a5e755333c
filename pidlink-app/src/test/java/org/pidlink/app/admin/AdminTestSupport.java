package org.pidlink.app.admin;

import org.pidlink.app.testsupport.PidlinkSpringTest;
import java.time.Instant;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * One pidlink (embedded PostgreSQL, embedded ORCID emulator, real HTTP) for the admin tests; every test starts
 * from pidlink's default type mapping.
 */
@PidlinkSpringTest
abstract class AdminTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    TypeMappings typeMappings;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    ConnectedResearchers people;

    /** Waits (at most 10 s) until the application's instance rechecks the database and sees the current mapping. */
    StoredTypeMapping eventuallyInForce(Predicate<StoredTypeMapping> expected) {
        Instant deadline = Instant.now().plusSeconds(10);
        StoredTypeMapping stored = typeMappings.stored();
        while (!expected.test(stored) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            stored = typeMappings.stored();
        }
        return stored;
    }

    @BeforeEach
    void defaultMapping() {
        typeMappings.resetToDefaults("0000-0000-0000-0000");
        people = new ConnectedResearchers(port, orcid);
    }
}
