package org.pidlink.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded PostgreSQL lets nobody in without a password, and the application's role can do nothing beyond its
 * own schema: in particular not {@code COPY ... TO PROGRAM}, which runs commands as the database's OS user (issue 17,
 * finding 5). Clusters made by older pidlinks (trust, everything the superuser's in {@code public}) are moved over.
 */
class LockedDownDatabaseTest {

    @TempDir
    Path dataDir;

    private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

    @Test
    void nobodyConnectsWithoutThePasswordKeptWithTheDataReadableByItsOwnerOnly() throws Exception {
        try (EmbeddedDatabase database = configuration.embeddedDatabase(new EmbeddedPostgresProperties(dataDir, false))) {
            Path passwords = dataDir.resolve(DatabasePasswords.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");

            for (String user : List.of("postgres", EmbeddedDatabase.ROLE)) {
                assertThatThrownBy(() -> connect(database, user, null)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("no password was provided");
                assertThatThrownBy(() -> connect(database, user, "postgres")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed");
            }
            try (Connection superuser = database.superuser()) {
                JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(superuser, true));
                assertThat(sql.queryForList("SELECT type || ' ' || auth_method FROM pg_hba_file_rules", String.class))
                        .containsOnly("host scram-sha-256");
                assertThat(sql.queryForObject("SHOW listen_addresses", String.class)).isEqualTo("localhost");
                assertThat(sql.queryForObject("SHOW unix_socket_directories", String.class)).isEmpty();
            }
        }
    }

    @Test
    void theApplicationRoleIsNoSuperuserOwnsOnlyItsSchemaAndCannotRunPrograms() {
        try (EmbeddedDatabase database = configuration.embeddedDatabase(new EmbeddedPostgresProperties(dataDir, true));
             HikariDataSource app = (HikariDataSource) configuration.dataSource(database)) {
            Flyway.configure().dataSource(app).locations("classpath:db/migration").load().migrate();
            JdbcTemplate sql = new JdbcTemplate(app);

            assertThat(sql.queryForObject("SELECT current_user", String.class)).isEqualTo(EmbeddedDatabase.ROLE);
            assertThat(sql.queryForObject("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls "
                    + "FROM pg_roles WHERE rolname = current_user", Boolean.class)).isFalse();
            assertThat(sql.queryForList("SELECT nspname FROM pg_namespace WHERE nspowner = "
                    + "(SELECT oid FROM pg_roles WHERE rolname = current_user)", String.class))
                    .containsExactly(EmbeddedDatabase.SCHEMA);
            assertThat(sql.queryForList("SELECT DISTINCT n.nspname || ' ' || pg_get_userbyid(c.relowner) "
                    + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE c.relname IN ('flyway_schema_history', 'claim', 'intake_task')", String.class))
                    .containsExactly(EmbeddedDatabase.SCHEMA + " " + EmbeddedDatabase.ROLE);

            assertThatThrownBy(() -> sql.execute("COPY (SELECT 1) TO PROGRAM 'id'"))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.execute("CREATE TABLE public.elsewhere (i int)"))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.queryForObject("SELECT pg_read_file('postgresql.conf')", String.class))
                    .rootCause().hasMessageContaining("permission denied");
        }
    }

    @Test
    void aClusterMadeByAnOlderPidlinkThatTrustedEveryoneIsLockedDownWithItsDataKept() throws Exception {
        Path cluster = dataDir.resolve("postgres");
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(cluster)
                .setCleanDataDirectory(false).start()) {
            DataSource superuser = older.getPostgresDatabase();
            Flyway.configure().dataSource(superuser).locations("classpath:db/migration").load().migrate();
            new JdbcTemplate(superuser).update("INSERT INTO intake_task (doi, orcid, action, partition, enqueued_at) "
                    + "VALUES ('10.1234/old', '0000-0002-1825-0097', 'ASSERT', 0, now())");
        }
        assertThat(new HostBasedAuthentication(cluster).trustsAnyone()).isTrue();

        try (EmbeddedDatabase database = configuration.embeddedDatabase(new EmbeddedPostgresProperties(dataDir, false));
             HikariDataSource app = (HikariDataSource) configuration.dataSource(database)) {
            Flyway flyway = Flyway.configure().dataSource(app).locations("classpath:db/migration").load();
            assertThat(flyway.info().pending()).isEmpty();
            flyway.migrate();
            JdbcTemplate sql = new JdbcTemplate(app);
            sql.update("INSERT INTO intake_task (doi, orcid, action, partition, enqueued_at) "
                    + "VALUES ('10.1234/new', '0000-0002-1825-0097', 'ASSERT', 0, now())");
            assertThat(sql.queryForList("SELECT doi FROM intake_task ORDER BY id", String.class))
                    .containsExactly("10.1234/old", "10.1234/new");
            assertThat(sql.queryForList("SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'pidlink') "
                    + "AND c.relkind IN ('r', 'S', 'v')", String.class)).containsExactly(EmbeddedDatabase.ROLE);

            assertThat(new HostBasedAuthentication(cluster).trustsAnyone()).isFalse();
            assertThatThrownBy(() -> connect(database, "postgres", null)).isInstanceOf(SQLException.class);
        }
    }

    private static Connection connect(EmbeddedDatabase database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }
}
