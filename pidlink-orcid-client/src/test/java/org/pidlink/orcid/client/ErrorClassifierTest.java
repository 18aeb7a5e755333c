package org.pidlink.orcid.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** Classification of ORCID's real error bodies (texts from ORCID-Source's api_en.properties). */
class ErrorClassifierTest {

    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);
    private static final Properties MESSAGES = SharedData.apiMessages();
    private final ErrorClassifier classifier = new ErrorClassifier(JsonMapper.builder().build());

    private static byte[] orcidError(int status, int code, Map<String, String> params) {
        String developer = MESSAGES.getProperty("apiError." + code + ".developerMessage", "");
        String user = MESSAGES.getProperty("apiError." + code + ".userMessage", "");
        for (var p : params.entrySet()) {
            developer = developer.replace("${" + p.getKey() + "}", p.getValue());
            user = user.replace("${" + p.getKey() + "}", p.getValue());
        }
        String json = JsonMapper.builder().build().writeValueAsString(new java.util.LinkedHashMap<>(Map.of(
                "response-code", status, "developer-message", developer, "user-message", user, "error-code", code,
                "more-info", "https://members.orcid.org/api/resources/troubleshooting")));
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private OrcidError classify(int status, byte[] body) {
        return classifier.memberApi(status, body, NO_HEADERS, Redactor.of("secret-token-value"));
    }

    @Test
    void duplicateNamesTheExistingPutCodeFromOrcidsOwnMessage() {
        OrcidError error = classify(409, orcidError(409, 9021, Map.of("putCode", "733536", "clientName", "pidlink")));
        assertThat(error).isInstanceOf(OrcidError.Duplicate.class);
        assertThat(((OrcidError.Duplicate) error).existingPutCode()).hasValue(733536);
        assertThat(error.errorCode()).isEqualTo(9021);
        assertThat(error.developerMessage()).startsWith("409 Conflict: You have already added this activity");
        assertThat(error.problem().userMessage()).contains("contact pidlink");
        assertThat(error.retryable()).isFalse();
    }

    @Test
    void duplicateWithLeakedPlaceholderHasNoPutCode() {
        // In bulk ORCID may leave ${putCode} unresolved (orcid-api.md §3.4).
        OrcidError error = classify(409, orcidError(409, 9021, Map.of()));
        assertThat(error).isInstanceOf(OrcidError.Duplicate.class);
        assertThat(((OrcidError.Duplicate) error).existingPutCode()).isEmpty();
        assertThat(error.developerMessage()).contains("${putCode}");
    }

    @Test
    void putCodeParsingTakesTheFirstNumberAfterPutCode() {
        assertThat(ErrorClassifier.existingPutCode("please see element with put-code 12. If you are trying"))
                .isEqualTo(OptionalLong.of(12));
        assertThat(ErrorClassifier.existingPutCode("nothing here")).isEmpty();
        assertThat(ErrorClassifier.existingPutCode(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            "400, 9022, InvalidWork", "400, 9023, InvalidWork", "400, 9037, InvalidWork", "400, 9047, InvalidWork",
            "400, 9049, InvalidWork", "400, 9019, InvalidWork", "400, 9024, InvalidWork", "400, 9058, InvalidWork",
            "400, 9001, InvalidWork", "400, 9006, InvalidWork", "413, 9006, InvalidWork",
            "401, 9017, TokenRejected", "401, 9002, TokenRejected", "401, 9015, ScopeMissing",
            "403, 9038, ScopeMissing", "403, 9010, NotSource", "403, 9014, NotSource", "403, 9052, Unexpected",
            "404, 9016, NotFound", "404, 9011, NotFound", "404, 9001, Unexpected",
            "409, 9021, Duplicate", "409, 9007, RecordUnavailable", "409, 9018, RecordUnavailable",
            "409, 9044, RecordUnavailable", "409, 9036, RecordUnavailable", "409, 9048, WorkLimitReached",
            "409, 9057, Unexpected", "415, 9001, Unexpected", "405, 9001, Unexpected",
            "400, 9045, InvalidWork", "400, 9046, InvalidWork", "400, 9060, InvalidWork", "400, 9061, InvalidWork",
            "400, 9062, InvalidWork", "400, 9055, InvalidWork", "400, 9051, InvalidWork", "403, 9035, InvalidWork",
            "403, 9013, NotSource",
            "500, 9008, ServerError", "502, 0, ServerError", "503, 0, RateLimited", "429, 0, RateLimited"})
    void statusAndCodeDecideTheVariant(int status, int code, String variant) {
        OrcidError error = classify(status, orcidError(status, code, Map.of("orcid", "0000-0002-1825-0097")));
        assertThat(error.getClass().getSimpleName()).isEqualTo(variant);
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.retryable()).isEqualTo(List.of("ServerError", "RateLimited").contains(variant));
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({"400, 9045, ORGANIZATION_ID_INVALID", "400, 9046, ORGANIZATION_MISSING",
            "400, 9060, CITY_AND_COUNTRY_REQUIRED", "400, 9061, COUNTRY_REQUIRED_WITH_CITY_OR_REGION",
            "400, 9062, ORGANIZATION_ID_OR_EXTERNAL_ID_REQUIRED", "400, 9024, PUT_CODE_NOT_EXPECTED",
            "400, 9019, PUT_CODE_MISMATCH", "400, 9055, END_BEFORE_START", "400, 9049, INVALID_DATE",
            "400, 9006, BAD_REQUEST", "409, 9021, DUPLICATE", "403, 9035, VISIBILITY_CHANGE",
            "404, 9016, NOT_FOUND", "404, 9001, INVALID_REQUEST"})
    void orcidsAffiliationRefusalsAreNamedByTheirCode(int status, int code, OrcidErrorCode expected) {
        // ORCID's own texts, with the parameters its mapper fills in.
        OrcidError error = classify(status, orcidError(status, code, Map.of("putCode", "733536",
                "clientName", "pidlink", "urlPutCode", "5", "bodyPutCode", "null", "dateString", "2021-02-30")));
        assertThat(error.code()).hasValue(expected);
        assertThat(expected.code()).isEqualTo(code);
        assertThat(error.developerMessage()).isEqualTo(MESSAGES.getProperty("apiError." + code + ".developerMessage")
                .replace("${putCode}", "733536").replace("${urlPutCode}", "5").replace("${bodyPutCode}", "null")
                .replace("${dateString}", "2021-02-30"));
    }

    @Test
    void anErrorWithoutAKnownCodeHasNone() {
        assertThat(classify(404, "Not found".getBytes(StandardCharsets.UTF_8)).code()).isEmpty();
        assertThat(OrcidErrorCode.of(9999)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"9007, DEPRECATED", "9018, LOCKED", "9044, DEACTIVATED", "9036, UNCLAIMED"})
    void recordStateIsNamed(int code, RecordState state) {
        OrcidError error = classify(409, orcidError(409, code, Map.of("orcid", "0000-0002-1825-0097")));
        assertThat(error).isEqualTo(new OrcidError.RecordUnavailable(error.problem(), state));
    }

    @Test
    void redirectOfDeprecatedRecordIsRecordUnavailable() {
        OrcidError error = classify(301, new byte[0]);
        assertThat(error).isInstanceOf(OrcidError.RecordUnavailable.class);
        assertThat(((OrcidError.RecordUnavailable) error).state()).isEqualTo(RecordState.DEPRECATED);
    }

    @Test
    void aBare404IsNotMistakenForARemovedWork() {
        OrcidError error = classify(404, "Not found: /v3.0/0000-0002-1825-0097/work/5".getBytes(StandardCharsets.UTF_8));
        assertThat(error).isInstanceOf(OrcidError.Unexpected.class);
        assertThat(error.developerMessage()).isEqualTo("Not found: /v3.0/0000-0002-1825-0097/work/5");
    }

    @Test
    void invalidTokenAnswerNeverCarriesTheToken() {
        String token = "f5af9f51-07e6-4332-8f1a-c0c11c1e3728";
        byte[] body = ("{\"error\":\"invalid_token\",\"error_description\":\"Invalid access token: " + token + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        OrcidError error = classifier.memberApi(401, body, NO_HEADERS, Redactor.of(token));
        assertThat(error).isInstanceOf(OrcidError.TokenRejected.class);
        assertThat(error.problem().oauthError()).isEqualTo("invalid_token");
        assertThat(error.developerMessage()).isEqualTo("Invalid access token: [redacted]");
        assertThat(error.problem().summary()).doesNotContain(token);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an HTML page from a proxy | <html><head><title>401 Authorization Required</title></head><body>nginx</body></html>",
            "an empty body | ''",
            "JSON that is not ORCID's | {\"message\":\"Unauthorized\"}",
            "an OAuth error other than invalid_token | {\"error\":\"unauthorized\",\"error_description\":\"Full authentication is required\"}"})
    void a401WithoutOrcidsWordThatTheTokenIsInvalidIsTransient(String what, String body) {
        OrcidError error = classify(401, body.getBytes(StandardCharsets.UTF_8));
        assertThat(error).isInstanceOf(OrcidError.Unauthorized.class);
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void tokensAreRedactedEvenWhenTheClientDidNotKnowThem() {
        String other = "Invalid access token: 81hbd686-abcd and 1cecf036-07e6-4332-8f1a-c0c11c1e3728";
        assertThat(Redactor.of().clean(other)).isEqualTo("Invalid access token: [redacted] and [redacted]");
    }

    @Test
    void redactionLeavesOrdinaryWordsAlone() {
        String wrongRecord = "401 Unauthorized: The client application is not authorized for this ORCID record. "
                + "Full validation error: Access token is for a different record";
        assertThat(Redactor.of("abcd1234").clean(wrongRecord)).isEqualTo(wrongRecord);
        assertThat(Redactor.of().clean("Invalid authorization code: WkiYjn"))
                .isEqualTo("Invalid authorization code: [redacted]");
    }

    @Test
    void oauthErrorsAreSplitIntoRejectedTokensAndOtherRefusals() {
        byte[] badCode = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code: WkiYjn\"}"
                .getBytes(StandardCharsets.UTF_8);
        OrcidError code = classifier.oauth(400, badCode, NO_HEADERS, Redactor.of("WkiYjn"));
        assertThat(code).isInstanceOf(OrcidError.TokenRejected.class);
        assertThat(code.developerMessage()).doesNotContain("WkiYjn");

        byte[] badClient = "{\"error_description\":\"Client authentication failed\",\"error\":\"invalid_client\"}"
                .getBytes(StandardCharsets.UTF_8);
        OrcidError client = classifier.oauth(401, badClient, NO_HEADERS, Redactor.of());
        assertThat(client).isInstanceOf(OrcidError.OAuthRejected.class);
        assertThat(client.problem().oauthError()).isEqualTo("invalid_client");
        assertThat(client.developerMessage()).isEqualTo("Client authentication failed");
    }

    @Test
    void rateLimitReadsRetryAfterWhenPresent() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("2")), (a, b) -> true);
        OrcidError error = classifier.memberApi(503, "<html>Service Unavailable</html>".getBytes(StandardCharsets.UTF_8),
                headers, Redactor.of());
        assertThat(error).isEqualTo(new OrcidError.RateLimited(error.problem(), Optional.of(Duration.ofSeconds(2))));
        assertThat(error.developerMessage()).isEqualTo("<html>Service Unavailable</html>");
    }

    @Test
    void bulkItemErrorUsesItsResponseCode() {
        var item = JsonMapper.builder().build().readTree(orcidError(409, 9021, Map.of("putCode", "1526002")));
        OrcidError error = classifier.bulkItem(item, Redactor.of());
        assertThat(error).isInstanceOf(OrcidError.Duplicate.class);
        assertThat(((OrcidError.Duplicate) error).existingPutCode()).hasValue(1526002);
        assertThat(error.status()).isEqualTo(409);
    }
}
