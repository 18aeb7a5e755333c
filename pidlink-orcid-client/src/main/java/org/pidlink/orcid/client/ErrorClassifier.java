package org.pidlink.orcid.client;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Turns ORCID's failure answers into {@link OrcidError}s, following orcid-api.md §2.2, §2.4 and §4. */
final class ErrorClassifier {

    /** "… please see element with put-code 733536. …" (api_en.properties apiError.9021.developerMessage). */
    private static final Pattern DUPLICATE_PUT_CODE = Pattern.compile("put-code\\s+(\\d+)");
    private static final int EXCERPT = 300;

    private final ObjectMapper mapper;

    ErrorClassifier(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A failure answer from the member API (anything but the expected 2xx). */
    OrcidError memberApi(int status, byte[] body, HttpHeaders headers, Redactor redactor) {
        OrcidProblem problem = problem(status, body, redactor);
        if (status >= 500 || status == 429) {
            return serverSide(problem, headers);
        }
        if (status == 301 || status == 302 || status == 308 || status == 307) {
            // ORCID redirects reads of a deprecated record to the primary one; we never follow redirects.
            return problem.errorCode() == 9007 || status == 301
                    ? new OrcidError.RecordUnavailable(problem, RecordState.DEPRECATED)
                    : new OrcidError.Unexpected(problem);
        }
        return byStatusAndCode(problem);
    }

    /** One {@code {"error":{…}}} element of a bulk answer; its {@code response-code} plays the HTTP status. */
    OrcidError bulkItem(JsonNode error, Redactor redactor) {
        int status = Json.integer(error.path("response-code"));
        OrcidProblem problem = new OrcidProblem(status, Json.integer(error.path("error-code")), "",
                redactor.clean(Json.text(error.path("developer-message"))),
                redactor.clean(Json.text(error.path("user-message"))));
        return status >= 500 || status == 429 ? serverSide(problem, null) : byStatusAndCode(problem);
    }

    /** A failure answer from {@code /oauth/token} or {@code /oauth/revoke}. */
    OrcidError oauth(int status, byte[] body, HttpHeaders headers, Redactor redactor) {
        OrcidProblem problem = problem(status, body, redactor);
        if (status >= 500 || status == 429) {
            return serverSide(problem, headers);
        }
        return switch (problem.oauthError()) {
            case "invalid_grant", "invalid_token" -> new OrcidError.TokenRejected(problem);
            case "" -> status == 401 ? new OrcidError.OAuthRejected(problem) : new OrcidError.Unexpected(problem);
            default -> new OrcidError.OAuthRejected(problem);
        };
    }

    /** ORCID's edge answers 503 past its rate limit; other 5xx are failures of ORCID itself. */
    private static OrcidError serverSide(OrcidProblem problem, HttpHeaders headers) {
        if (problem.status() == 503 || problem.status() == 429) {
            return new OrcidError.RateLimited(problem, headers == null ? Optional.empty() : retryAfter(headers));
        }
        return new OrcidError.ServerError(problem);
    }

    private static OrcidError byStatusAndCode(OrcidProblem problem) {
        int code = problem.errorCode();
        return switch (problem.status()) {
            case 400, 413 -> new OrcidError.InvalidWork(problem);
            case 401 -> unauthorized(problem);
            case 403 -> switch (code) {
                case 9038, 9004, 9005, 9015 -> new OrcidError.ScopeMissing(problem);
                case 9010, 9013, 9014 -> new OrcidError.NotSource(problem);
                case 9035 -> new OrcidError.InvalidWork(problem); // a visibility change: the body, not the token

                default -> new OrcidError.Unexpected(problem);
            };
            // Only ORCID's own "not found" counts: a bare 404 (wrong base URL, a proxy) must never make the
            // engine believe a researcher removed a work.
            case 404 -> code == 0 || code == 9001 ? new OrcidError.Unexpected(problem) : new OrcidError.NotFound(problem);
            case 409 -> switch (code) {
                case 9021 -> new OrcidError.Duplicate(problem, existingPutCode(problem.developerMessage()));
                case 9007 -> new OrcidError.RecordUnavailable(problem, RecordState.DEPRECATED);
                case 9018 -> new OrcidError.RecordUnavailable(problem, RecordState.LOCKED);
                case 9044 -> new OrcidError.RecordUnavailable(problem, RecordState.DEACTIVATED);
                case 9036 -> new OrcidError.RecordUnavailable(problem, RecordState.UNCLAIMED);
                case 9032 -> new OrcidError.RecordUnavailable(problem, RecordState.NOTIFICATIONS_DECLINED);
                case 9048 -> new OrcidError.WorkLimitReached(problem);
                default -> new OrcidError.Unexpected(problem);
            };
            default -> new OrcidError.Unexpected(problem);
        };
    }

    /**
     * A 401 revokes nothing unless ORCID's own JSON says the token is the problem (orcid-api.md §2.4): a proxy's or
     * the edge's HTML page, an empty body or an unknown JSON is {@link OrcidError.Unauthorized}.
     */
    private static OrcidError unauthorized(OrcidProblem problem) {
        if ("invalid_token".equals(problem.oauthError())) {
            return new OrcidError.TokenRejected(problem);
        }
        return switch (problem.errorCode()) {
            case 9017, 9002 -> new OrcidError.TokenRejected(problem);
            case 9015 -> new OrcidError.ScopeMissing(problem);
            default -> new OrcidError.Unauthorized(problem);
        };
    }

    static OptionalLong existingPutCode(String developerMessage) {
        Matcher m = DUPLICATE_PUT_CODE.matcher(developerMessage == null ? "" : developerMessage);
        if (m.find()) {
            try {
                return OptionalLong.of(Long.parseLong(m.group(1)));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    private OrcidProblem problem(int status, byte[] body, Redactor redactor) {
        JsonNode json = parse(body);
        if (json != null && json.isObject()) {
            if (json.has("error-code") || json.has("developer-message") || json.has("response-code")) {
                return new OrcidProblem(status, Json.integer(json.path("error-code")), "",
                        redactor.clean(Json.text(json.path("developer-message"))),
                        redactor.clean(Json.text(json.path("user-message"))));
            }
            if (json.has("error")) {
                String description = Json.text(json.path("error_description"));
                if (description == null) {
                    description = Json.text(json.path("error-description")); // userinfo spells it with a hyphen
                }
                return new OrcidProblem(status, 0, redactor.clean(Json.text(json.path("error"))),
                        redactor.clean(description), "");
            }
        }
        return new OrcidProblem(status, 0, "", redactor.clean(excerpt(body)), "");
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8).strip();
        text = text.replaceAll("\\s+", " ");
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    }

    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
