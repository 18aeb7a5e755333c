package org.pidlink.emulator.oauth;

import java.time.Instant;

/** A researcher signed in on the emulator's pages; {@code authTime} is when they typed their password. */
public record Session(String idHash, String orcid, String displayName, Instant authTime) {
}
