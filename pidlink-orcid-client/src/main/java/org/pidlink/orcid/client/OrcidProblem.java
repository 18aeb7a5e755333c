package org.pidlink.orcid.client;

import java.util.Objects;

/**
 * What ORCID (or the network) said when a call failed, with every secret already removed.
 *
 * <p>ORCID answers member-API failures with its five-field error ({@code response-code, developer-message,
 * user-message, error-code, more-info}) and OAuth failures with {@code {"error", "error_description"}}; both land
 * here so that callers read one shape.
 *
 * @param status           HTTP status, or the {@code response-code} of a bulk item; 0 when no response arrived
 * @param errorCode        ORCID's {@code error-code} (9xxx), or 0 when the answer had none
 * @param oauthError       the OAuth {@code error} value ({@code invalid_token}, {@code invalid_grant}, …), or ""
 * @param developerMessage ORCID's {@code developer-message} or {@code error_description}, or a short description of
 *                         the network failure; tokens are redacted
 * @param userMessage      ORCID's {@code user-message}, or ""
 */
public record OrcidProblem(int status, int errorCode, String oauthError, String developerMessage, String userMessage) {

    public OrcidProblem {
        oauthError = Objects.requireNonNullElse(oauthError, "");
        developerMessage = Objects.requireNonNullElse(developerMessage, "");
        userMessage = Objects.requireNonNullElse(userMessage, "");
    }

    /** A failure before any response arrived (connect error, timeout, dropped connection). */
    static OrcidProblem noResponse(String description) {
        return new OrcidProblem(0, 0, "", description, "");
    }

    /** One line for logs and audit tables, e.g. {@code 409/9021 409 Conflict: You have already added …}. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(status == 0 ? "no response" : Integer.toString(status));
        if (errorCode != 0) {
            s.append('/').append(errorCode);
        }
        if (!oauthError.isEmpty()) {
            s.append(' ').append(oauthError);
        }
        if (!developerMessage.isEmpty()) {
            s.append(": ").append(developerMessage);
        }
        return s.toString();
    }
}
