package org.pidlink.app.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;


/**
 * The embedded PostgreSQL's two passwords, generated once and kept with the data (mode 600): the superuser's, which
 * only pidlink's start-up uses to prepare the cluster, and the application role's, which everything else uses.
 *
 * @param superuser   password of the {@code postgres} superuser
 * @param application password of the {@value EmbeddedDatabase#ROLE} role the application connects as
 */
record DatabasePasswords(String superuser, String application) {

    static final String FILE_NAME = "postgres-passwords.properties";
    private static final String SUPERUSER = "postgres";
    private static final String APPLICATION = EmbeddedDatabase.ROLE;

    @Override
    public String toString() {
        return "DatabasePasswords[redacted]";
    }

    static boolean exist(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME));
    }

    /** The passwords kept in {@code dataDir}, or new random ones written there readable by the owner only. */
    static DatabasePasswords readOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                Properties stored = new Properties();
                stored.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
                String superuser = stored.getProperty(SUPERUSER);
                String application = stored.getProperty(APPLICATION);
                if (superuser == null || superuser.isBlank() || application == null || application.isBlank()) {
                    throw new IllegalStateException(file + " lacks the '" + SUPERUSER + "' or '" + APPLICATION
                            + "' password");
                }
                return new DatabasePasswords(superuser, application);
            }
            DatabasePasswords created = new DatabasePasswords(random(), random());
            Properties properties = new Properties();
            properties.setProperty(SUPERUSER, created.superuser());
            properties.setProperty(APPLICATION, created.application());
            StringWriter text = new StringWriter();
            properties.store(text, "pidlink's embedded PostgreSQL: keep with the data directory, "
                    + "readable by its owner only");
            OwnerOnlyFiles.write(file, text.toString());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the database passwords in " + file, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
