package org.pidlink.app.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares, as the superuser, what the application connects as: the {@value EmbeddedDatabase#ROLE} role, which is
 * no superuser, creates no role or database, and owns one schema of the same name that holds pidlink's tables.
 * Flyway migrates as that role, so everything pidlink creates is its own and nothing else is.
 *
 * <p>Clusters made by pidlink before this (everything in {@code public}, owned by the superuser) are moved over once:
 * their tables, views and sequences go to the application's schema and to the application role.
 */
final class ApplicationRole {

    private static final Logger log = LoggerFactory.getLogger(ApplicationRole.class);
    private static final String SCRAM = "scram-sha-256";

    private final DatabasePasswords passwords;

    ApplicationRole(DatabasePasswords passwords) {
        this.passwords = passwords;
    }

    /** @param superuser a connection as {@code postgres} to the application's database */
    void prepare(Connection superuser) throws SQLException {
        superuser.setAutoCommit(false);
        PGConnection pg = superuser.unwrap(PGConnection.class);
        try (Statement sql = superuser.createStatement()) {
            // The driver computes the SCRAM verifier: no password travels to the server or its logs in the clear.
            pg.alterUserPassword("postgres", passwords.superuser().toCharArray(), SCRAM);
            if (!exists(superuser, "SELECT 1 FROM pg_roles WHERE rolname = ?", EmbeddedDatabase.ROLE)) {
                sql.execute("CREATE ROLE " + EmbeddedDatabase.ROLE);
            }
            sql.execute("ALTER ROLE " + EmbeddedDatabase.ROLE
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            pg.alterUserPassword(EmbeddedDatabase.ROLE, passwords.application().toCharArray(), SCRAM);
            sql.execute("CREATE SCHEMA IF NOT EXISTS " + EmbeddedDatabase.SCHEMA + " AUTHORIZATION "
                    + EmbeddedDatabase.ROLE);
            sql.execute("ALTER SCHEMA " + EmbeddedDatabase.SCHEMA + " OWNER TO " + EmbeddedDatabase.ROLE);
            sql.execute("ALTER ROLE " + EmbeddedDatabase.ROLE + " IN DATABASE " + EmbeddedDatabase.DATABASE
                    + " SET search_path = " + EmbeddedDatabase.SCHEMA);
            moveFromPublic(superuser, sql);
        }
        superuser.commit();
    }

    private static void moveFromPublic(Connection c, Statement sql) throws SQLException {
        List<String> tables = relations(c, "public", "'r', 'p'");
        List<String> views = relations(c, "public", "'v'");
        if (tables.isEmpty() && views.isEmpty()) {
            return;
        }
        log.info("Moving pidlink's {} tables and {} views from schema public to schema {}, owned by role {}",
                tables.size(), views.size(), EmbeddedDatabase.SCHEMA, EmbeddedDatabase.ROLE);
        String to = " SET SCHEMA " + EmbeddedDatabase.SCHEMA;
        String owner = " OWNER TO " + EmbeddedDatabase.ROLE;
        for (String table : tables) {
            // Indexes, constraints and the sequences of serial and identity columns move and change owner with it.
            sql.execute("ALTER TABLE public." + table + to);
            sql.execute("ALTER TABLE " + EmbeddedDatabase.SCHEMA + "." + table + owner);
        }
        for (String view : views) {
            sql.execute("ALTER VIEW public." + view + to);
            sql.execute("ALTER VIEW " + EmbeddedDatabase.SCHEMA + "." + view + owner);
        }
        for (String sequence : relations(c, "public", "'S'")) {
            sql.execute("ALTER SEQUENCE public." + sequence + to);
            sql.execute("ALTER SEQUENCE " + EmbeddedDatabase.SCHEMA + "." + sequence + owner);
        }
    }

    /** Quoted names of the schema's relations of the given kinds ({@code pg_class.relkind}). */
    private static List<String> relations(Connection c, String schema, String kinds) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("""
                SELECT quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = ? AND c.relkind IN (%s) ORDER BY c.relname""".formatted(kinds))) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static boolean exists(Connection c, String query, String parameter) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
