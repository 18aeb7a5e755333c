package org.pidlink.emulator.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Secrets (client secrets, tokens, passwords) are stored only as SHA-256 hashes, so state files leak nothing usable. */
public final class Hashing {

    // Cloning a prototype is much cheaper than MessageDigest.getInstance (a provider lookup) on every request.
    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Hashing() {
    }

    public static String sha256(String secret) {
        MessageDigest md;
        try {
            md = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
