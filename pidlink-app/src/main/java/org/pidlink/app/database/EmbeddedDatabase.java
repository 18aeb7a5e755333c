package org.pidlink.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pidlink's embedded PostgreSQL, locked down: it listens on loopback only, asks every connection for its password
 * (SCRAM; the passwords are generated once and kept with the data, mode 600), and the application connects as
 * {@value #ROLE}, a role that is no superuser and owns only its schema. A PostgreSQL left running on the same data
 * by a dead pidlink is stopped first.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The role the application connects as, and the schema it owns. */
    public static final String ROLE = "pidlink";
    public static final String SCHEMA = "pidlink";
    static final String DATABASE = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final DatabasePasswords passwords;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabasePasswords passwords) {
        this.postgres = postgres;
        this.passwords = passwords;
    }

    static EmbeddedDatabase start(EmbeddedPostgresProperties properties) {
        Path cluster = properties.clusterDir();
        try {
            Files.createDirectories(cluster);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + cluster, e);
        }
        if (!properties.clean()) {
            new OrphanedPostmaster(cluster, Duration.ofSeconds(60)).stopIfOrphaned();
        }
        boolean initialized = !properties.clean() && Files.exists(cluster.resolve("postgresql.conf"));
        HostBasedAuthentication hba = new HostBasedAuthentication(cluster);
        if (initialized && !hba.trustsAnyone() && !DatabasePasswords.exist(properties.dataDir())) {
            throw new IllegalStateException("The embedded PostgreSQL in " + cluster + " takes passwords only, and "
                    + properties.dataDir().resolve(DatabasePasswords.FILE_NAME) + ", which holds them, is missing: "
                    + "restore it from the backup of the data directory");
        }
        DatabasePasswords passwords = DatabasePasswords.readOrCreate(properties.dataDir());
        log.info("Starting embedded PostgreSQL with its data in {}", cluster);
        EmbeddedPostgres postgres = initialized ? startCluster(properties, passwords, null)
                : startNewCluster(properties, passwords);
        try {
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, passwords);
            database.lockDown(hba);
            return database;
        } catch (RuntimeException e) {
            closeQuietly(postgres, e);
            throw e;
        }
    }

    /** initdb sets the superuser's password from a file, so a new cluster never trusts anyone, not even briefly. */
    private static EmbeddedPostgres startNewCluster(EmbeddedPostgresProperties properties, DatabasePasswords passwords) {
        Path passwordFile = properties.dataDir().resolve("postgres-superuser.initdb");
        try {
            OwnerOnlyFiles.write(passwordFile, passwords.superuser() + "\n");
            return startCluster(properties, passwords, passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + passwordFile, e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                log.warn("Cannot delete {}: {}", passwordFile, e.getMessage());
            }
        }
    }

    private static EmbeddedPostgres startCluster(EmbeddedPostgresProperties properties, DatabasePasswords passwords,
                                                 Path initdbPasswordFile) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(properties.clusterDir())
                .setCleanDataDirectory(properties.clean())
                // Spring stops PostgreSQL when the context closes, after everything using the DataSource;
                // zonky's own exit hook would stop it first, under running workers.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", properties.clean() ? "off" : "on")
                .setServerConfig("listen_addresses", "localhost")
                // pg_ctl hands these to a shell: '' is the empty list, no Unix socket at all
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky's own connections (its readiness check) are the superuser's
                .setConnectConfig("password", passwords.superuser())
                // Runs before every start: an older cluster that trusts everyone keeps its rules until pidlink has
                // given its superuser a password (lockDown), any other gets pidlink's rules before it starts.
                .setDataDirectoryCustomizer(dir -> {
                    HostBasedAuthentication hba = new HostBasedAuthentication(dir.toPath());
                    if (!hba.trustsAnyone()) {
                        hba.lockDown();
                    }
                });
        if (initdbPasswordFile != null) {
            // zonky's only way to pass initdb options; they follow its "-A trust" and so replace it
            builder.setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", initdbPasswordFile.toString());
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + properties.clusterDir(), e);
        }
    }

    /** Prepares the application role, then lets only passwords in (moving older clusters off trust). */
    private void lockDown(HostBasedAuthentication hba) {
        try (Connection superuser = superuser()) {
            new ApplicationRole(passwords).prepare(superuser);
            if (!hba.isLockedDown()) {
                log.info("Locking down the embedded PostgreSQL: passwords only, loopback only");
                hba.lockDown();
                try (Statement sql = superuser.createStatement()) {
                    sql.execute("SELECT pg_reload_conf()");
                }
                superuser.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded PostgreSQL's application role", e);
        }
    }

    /** A connection as the superuser, for preparing the cluster (and for tests that check what it allows). */
    Connection superuser() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    String applicationPassword() {
        return passwords.application();
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres, RuntimeException cause) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
