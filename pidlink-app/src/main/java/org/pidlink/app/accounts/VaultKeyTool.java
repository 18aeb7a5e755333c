package org.pidlink.app.accounts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.google.crypto.tink.KeysetHandle;

/**
 * {@code pidlink vault-key new|rotate|show FILE}: makes and rotates the keyset that encrypts ORCID tokens at rest
 * ({@code pidlink.vault.keyset-file}), without Spring and without a database. {@code rotate} adds a new primary key
 * and keeps the old ones, so that pidlink re-encrypts every token with the new key at its next start; {@code show}
 * prints the keys' ids and which is primary, never the key material. Files are written readable by the owner only.
 */
public final class VaultKeyTool {

    private VaultKeyTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !(args[0].equals("new") || args[0].equals("rotate") || args[0].equals("show"))) {
            err.println("Usage: pidlink vault-key new FILE      a new keyset with one AES-256-GCM key (mode 600)");
            err.println("       pidlink vault-key rotate FILE   adds a new primary key, keeps the old ones");
            err.println("       pidlink vault-key show FILE     the keys' ids and which is primary (no key material)");
            return 2;
        }
        Path file = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "new" -> {
                    if (Files.exists(file)) {
                        err.println("pidlink: " + file + " exists; 'rotate' adds a key to it, never 'new'");
                        return 1;
                    }
                    write(file, VaultKeysets.generate());
                    out.println("Wrote a new keyset to " + file + " (readable by its owner only).");
                }
                case "rotate" -> {
                    KeysetHandle rotated = VaultKeysets.rotate(read(file));
                    Path backup = file.resolveSibling(file.getFileName() + ".before-rotation");
                    Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    write(file, rotated);
                    out.println("Added a new primary key to " + file + " (the old keyset is in " + backup + ").");
                    out.println("Restart every pidlink instance with it: each re-encrypts the tokens at start.");
                }
                default -> { }
            }
            describe(read(file), out);
            return 0;
        } catch (AccessDeniedException e) {
            err.println("pidlink: permission denied: " + e.getFile() + " (run it as the user who may write there)");
            return 1;
        } catch (NoSuchFileException e) {
            err.println("pidlink: no such file: " + e.getFile());
            return 1;
        } catch (IOException | VaultException e) {
            err.println("pidlink: " + e);
            return 1;
        }
    }

    private static KeysetHandle read(Path file) throws IOException {
        return VaultKeysets.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void describe(KeysetHandle keyset, PrintStream out) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            out.println("  key " + Integer.toUnsignedString(entry.getId()) + (entry.isPrimary() ? "  primary" : ""));
        }
    }

    private static void write(Path file, KeysetHandle keyset) throws IOException {
        SecretFiles.write(file, VaultKeysets.toJson(keyset));
    }
}
