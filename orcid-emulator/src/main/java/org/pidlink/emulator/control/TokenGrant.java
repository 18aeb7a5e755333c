package org.pidlink.emulator.control;

/** What the token endpoint returns, as a Java value (for tests). {@code orcid} and {@code name} are null for 2-legged tokens. */
public record TokenGrant(String accessToken, String tokenType, String refreshToken, long expiresIn, String scope,
                         String name, String orcid) {
}
