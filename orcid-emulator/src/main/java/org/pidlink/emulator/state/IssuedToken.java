package org.pidlink.emulator.state;

/** A freshly issued token: the only moment its plaintext access and refresh values exist. */
public record IssuedToken(String accessToken, String refreshToken, Token token) {
}
