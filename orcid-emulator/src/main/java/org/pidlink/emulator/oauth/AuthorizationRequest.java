package org.pidlink.emulator.oauth;

import java.time.Instant;
import java.util.Set;
import org.pidlink.emulator.state.Client;

/**
 * A validated {@code /oauth/authorize} request waiting for the researcher to sign in and decide. The pages'
 * forms carry only its random {@code id}, so the parameters cannot be changed between pages.
 *
 * @param redirectUriParam the {@code redirect_uri} as sent (null if absent; the code exchange compares it)
 * @param redirectUri      where to send the answer
 * @param forceSignIn      {@code prompt=login}: a session older than this request does not count
 * @param sessionHash      the session that was shown the consent page; only it may answer
 */
record AuthorizationRequest(String id, Client client, String redirectUriParam, String redirectUri,
                            Set<String> scopes, String responseType, String state, String nonce,
                            boolean forceSignIn, Instant created, String sessionHash) {

    AuthorizationRequest shownTo(Session session) {
        return new AuthorizationRequest(id, client, redirectUriParam, redirectUri, scopes, responseType, state, nonce,
                forceSignIn, created, session.idHash());
    }

    boolean implicit() {
        return !responseType.equals("code");
    }
}
