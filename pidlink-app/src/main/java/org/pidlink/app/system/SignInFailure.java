package org.pidlink.app.system;

import java.util.Arrays;

/** Why a sign-in with ORCID failed, in words a researcher understands. */
enum SignInFailure {
    DENIED("denied", "You did not sign in", "You chose not to sign in with ORCID. Nothing was changed."),
    STATE("state", "This sign-in matches no request",
            "ORCID's answer does not match a sign-in started in this browser (the state is unknown or expired). "
                    + "Nothing was changed. Please sign in again."),
    EXPIRED("expired", "The sign-in expired",
            "ORCID's one-time code had expired or was already used. Nothing was changed. Please sign in again."),
    UNAVAILABLE("unavailable", "ORCID cannot be reached",
            "pidlink could not reach ORCID just now. Nothing was changed. Please try again in a few minutes."),
    INVALID("invalid", "ORCID's answer could not be verified",
            "pidlink could not verify the identity ORCID sent (its signature, issuer, audience, nonce or expiry "
                    + "did not check out). You are not signed in. Please try again."),
    BUSY("busy", "Too many sign-ins at once",
            "pidlink holds only so many sign-ins at a time from one network, and in all, and that limit is reached. "
                    + "Nothing was changed. Please try again in a few minutes."),
    OTHER("other", "Sign-in failed", "Signing in with ORCID did not complete. Nothing was changed. Please try again.");

    private final String code;
    private final String title;
    private final String detail;

    SignInFailure(String code, String title, String detail) {
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    static SignInFailure fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst().orElse(OTHER);
    }

    static SignInFailure fromOAuthError(String error) {
        return switch (error == null ? "" : error) {
            case "access_denied" -> DENIED;
            case "authorization_request_not_found", "invalid_state_parameter" -> STATE;
            case "invalid_grant" -> EXPIRED;
            case "invalid_token_response" -> UNAVAILABLE;
            case "invalid_id_token", "invalid_nonce", "invalid_user_info_response" -> INVALID;
            default -> OTHER;
        };
    }
}
