package org.pidlink.emulator.oauth;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.pidlink.emulator.EmulatorContext;
import org.pidlink.emulator.IdTokenIssuer;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.Researcher;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ORCID's id_token (orcid-api.md §2.6): RS256, {@code iss} the emulator's base URL, {@code sub} the iD,
 * {@code aud} the client id, {@code auth_time}, {@code amr} "pwd", {@code iat} and {@code exp} a day later,
 * {@code nonce} when the client sent one, a {@code jti}, and the researcher's names. Implicit-flow tokens also
 * carry {@code at_hash} and {@code name}.
 */
public final class IdTokens implements IdTokenIssuer {

    /** exp − iat in ORCID's documented example. */
    static final long LIFETIME_SECONDS = 86_400;

    private final SigningKey key;
    private final EmulatorState state;
    private final Supplier<JsonMapper> json;
    private final Supplier<String> issuer;

    public IdTokens(SigningKey key, EmulatorState state, Supplier<JsonMapper> json, Supplier<String> issuer) {
        this.key = key;
        this.state = state;
        this.json = json;
        this.issuer = issuer;
    }

    /** This emulator's signer (one per instance, shared by the token endpoint and the implicit flow). */
    public static IdTokens of(EmulatorContext ctx) {
        return ctx.shared(IdTokens.class, () -> new IdTokens(SigningKey.of(ctx), ctx.state(), ctx::json, ctx::baseUrl));
    }

    @Override
    public String issue(String clientId, Researcher researcher, String nonce, Instant authTime) {
        return key.sign(claims(clientId, researcher, nonce, authTime, null));
    }

    /** For the implicit flow: bound to the access token it travels with. */
    public String issueWithAccessToken(String clientId, Researcher researcher, String nonce, Instant authTime,
                                       String accessToken) {
        return key.sign(claims(clientId, researcher, nonce, authTime, accessToken));
    }

    private ObjectNode claims(String clientId, Researcher researcher, String nonce, Instant authTime,
                              String accessToken) {
        long iat = state.now().getEpochSecond();
        ObjectNode c = json.get().createObjectNode();
        if (accessToken != null) {
            c.put("at_hash", SigningKey.halfHash(accessToken));
        }
        c.put("aud", clientId);
        c.put("sub", researcher.orcid());
        c.put("auth_time", (authTime == null ? state.now() : authTime).getEpochSecond());
        c.put("amr", "pwd");
        c.put("iss", issuer.get());
        c.put("exp", iat + LIFETIME_SECONDS);
        c.put("iat", iat);
        if (nonce != null && !nonce.isEmpty()) {
            c.put("nonce", nonce);
        }
        c.put("jti", UUID.randomUUID().toString());
        if (researcher.givenNames() != null) {
            c.put("given_name", researcher.givenNames());
        }
        if (researcher.familyName() != null) {
            c.put("family_name", researcher.familyName());
        }
        if (accessToken != null) {
            c.put("name", researcher.displayName());
        }
        return c;
    }
}
