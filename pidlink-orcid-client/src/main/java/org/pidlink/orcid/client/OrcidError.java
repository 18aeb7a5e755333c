package org.pidlink.orcid.client;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every way an ORCID call can fail, as a closed set so that callers decide with an exhaustive {@code switch}:
 *
 * <pre>{@code
 * switch (error) {
 *     case OrcidError.TokenRejected t     -> markPermissionRevoked();
 *     case OrcidError.Duplicate d         -> d.existingPutCode().ifPresent(this::adopt);
 *     case OrcidError.NotFound n          -> markRemovedByResearcher();
 *     ...
 * }
 * }</pre>
 *
 * <p>Each variant carries the {@link OrcidProblem} ORCID sent (status, error-code, messages), secrets removed.
 */
public sealed interface OrcidError {

    OrcidProblem problem();

    /** True when the same request may succeed later unchanged (server trouble, rate limit, network, interrupt). */
    default boolean retryable() {
        return switch (this) {
            case RateLimited r -> true;
            case ServerError s -> true;
            case NetworkFailure n -> true;
            case Interrupted i -> true;
            case Unauthorized u -> true;
            case TokenRejected t -> false;
            case ScopeMissing s -> false;
            case NotSource n -> false;
            case NotFound n -> false;
            case Duplicate d -> false;
            case InvalidWork i -> false;
            case RecordUnavailable r -> false;
            case WorkLimitReached w -> false;
            case OAuthRejected o -> false;
            case Unexpected u -> false;
        };
    }

    /** HTTP status (or bulk item {@code response-code}); 0 when no response arrived. */
    default int status() {
        return problem().status();
    }

    /** ORCID's {@code error-code}, or 0. */
    default int errorCode() {
        return problem().errorCode();
    }

    /**
     * What ORCID's {@code error-code} means ({@link OrcidErrorCode}), e.g. which organization rule an affiliation
     * broke inside {@link InvalidWork}; empty without a code or for one not listed there.
     */
    default java.util.Optional<OrcidErrorCode> code() {
        return OrcidErrorCode.of(errorCode());
    }

    /** ORCID's developer-message (or OAuth error_description), tokens redacted. */
    default String developerMessage() {
        return problem().developerMessage();
    }

    /**
     * ORCID's own JSON answer says the access token, code or refresh token is not (or no longer) valid for this
     * record: 401 on the member API with {@code {"error":"invalid_token",…}} (unknown, expired or revoked token) or
     * ORCID's error body 9017 (token for another record, public client) or 9002 (client not authorized);
     * {@code invalid_grant}/{@code invalid_token} on the token endpoint (used or expired code, revoked refresh token,
     * "Parent token is disabled"). For a push this is evidence that the researcher revoked pidlink's permission,
     * which {@link OrcidWorksClient#verifyToken} can confirm. A 401 without such a body is {@link Unauthorized}.
     */
    record TokenRejected(OrcidProblem problem) implements OrcidError {
    }

    /**
     * A 401 that does not say the token is invalid: an HTML page (a proxy, ORCID's edge), an empty body, or JSON
     * that is neither {@code invalid_token} nor one of ORCID's token error codes. Nothing is known about the token:
     * treat it as transient (retry with backoff, show it to administrators as an ORCID problem), never as the
     * researcher's revocation; {@link OrcidWorksClient#verifyToken} tells whether ORCID still takes the token.
     */
    record Unauthorized(OrcidProblem problem) implements OrcidError {
    }

    /** 403/9038 (also 9004, 9005, 9015): the token is valid but lacks the scope the call needs. */
    record ScopeMissing(OrcidProblem problem) implements OrcidError {
    }

    /** 403/9010 (also 9013, 9014): the work or affiliation exists but another source (client or researcher) owns it. */
    record NotSource(OrcidProblem problem) implements OrcidError {
    }

    /**
     * 404 with ORCID's error body (9016, 9011): the work or affiliation (or record) does not exist, e.g. the
     * researcher deleted it.
     * A 404 without an ORCID error-code (wrong base URL, a proxy) is {@link Unexpected} instead.
     */
    record NotFound(OrcidProblem problem) implements OrcidError {
    }

    /**
     * 409/9021: this client already has a work with the same {@code self} external identifier, or an affiliation of
     * the same kind with the same {@code self} (or relationship-less) external identifier.
     *
     * @param existingPutCode the put-code ORCID names in its developer-message; empty when ORCID leaked the
     *                        unresolved {@code ${putCode}} placeholder (seen in bulk)
     */
    record Duplicate(OrcidProblem problem, OptionalLong existingPutCode) implements OrcidError {
    }

    /**
     * 400 (9022 title, 9023 external-ids, 9037 type/enum, 9047 JSON, 9049 date, 9019 put-code mismatch, 9024, 9034,
     * 9058, 9001 schema, 9006 too many items or another affiliation kind's put-code, …; for affiliations also 9046
     * no organization, 9045 no or an unknown organization id, 9060 city and country, 9061 country, 9062 organization
     * id or external id, 9055 end before start), 403/9035 (a visibility change) and 413: ORCID refuses this request
     * body; sending it again fails again. The developer-message says what was wrong, {@link #code()} which rule.
     */
    record InvalidWork(OrcidProblem problem) implements OrcidError {
    }

    /**
     * 409 9007/9018/9044/9036 (301 on reads of a deprecated record): the record accepts no writes now; 409/9032 on
     * the notification API: the researcher takes no permission requests.
     */
    record RecordUnavailable(OrcidProblem problem, RecordState state) implements OrcidError {
    }

    /** 409/9048: the record already holds 10,000 works. */
    record WorkLimitReached(OrcidProblem problem) implements OrcidError {
    }

    /**
     * 503 (over ORCID's 24 req/s, burst 40) or 429.
     *
     * @param retryAfter the {@code Retry-After} header when present (ORCID itself never sends one)
     */
    record RateLimited(OrcidProblem problem, Optional<Duration> retryAfter) implements OrcidError {
    }

    /** 5xx other than 503: ORCID failed; try again later. */
    record ServerError(OrcidProblem problem) implements OrcidError {
    }

    /**
     * No usable response: connection refused or dropped, connect or request timeout, truncated answer. A write may or
     * may not have happened; a retried POST then meets {@link Duplicate} and adopts its put-code.
     */
    record NetworkFailure(OrcidProblem problem, boolean timedOut) implements OrcidError {
    }

    /** The calling thread was interrupted (its interrupt flag is set again); nothing is known about the request. */
    record Interrupted(OrcidProblem problem) implements OrcidError {
    }

    /**
     * The token endpoint refused the request for a reason other than a bad code or token: {@code invalid_client}
     * (wrong client secret), {@code invalid_scope}, {@code unauthorized_client}, {@code invalid_request},
     * {@code unsupported_grant_type}. Read {@link OrcidProblem#oauthError()}.
     */
    record OAuthRejected(OrcidProblem problem) implements OrcidError {
    }

    /**
     * Any other answer: 403 without a token, 405/406/415 (9001), an unknown 409, a success answer whose body could
     * not be read. These are defects on one side or the other, not conditions a caller plans for.
     */
    record Unexpected(OrcidProblem problem) implements OrcidError {
    }
}
