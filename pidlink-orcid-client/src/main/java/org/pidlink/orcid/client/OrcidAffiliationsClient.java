package org.pidlink.orcid.client;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.OrcidId;
import tools.jackson.databind.ObjectMapper;

/**
 * The affiliations part of ORCID's member API v3.0 (orcid-api.md §11): employment, education, qualification,
 * invited position, distinction, membership and service, each at {@code {apiBase}/v3.0/{orcid}/{kind}}. JSON only.
 * Every request first passes the {@link OrcidRateLimiter} and is reported to the {@link OrcidCallListener}, as for
 * works; failures are {@link OrcidError}s (400s on the body are {@link OrcidError.InvalidWork}, with the exact
 * refusal in {@link OrcidError#code()}). The token needs {@code /activities/update} to write and
 * {@code /read-limited} to read what is not public. Thread-safe.
 */
public final class OrcidAffiliationsClient {

    private final OrcidClientSettings settings;
    private final OrcidHttp http;
    private final ObjectMapper mapper;
    private final ErrorClassifier classifier;
    private final AffiliationJson json;

    OrcidAffiliationsClient(OrcidClientSettings settings, OrcidHttp http, ObjectMapper mapper) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.classifier = new ErrorClassifier(mapper);
        this.json = new AffiliationJson(mapper);
    }

    /**
     * {@code POST /{kind}}: adds the affiliation; the value is its put-code (from {@code Location}), to keep for
     * updates and removal. A second POST with the same {@code self} external id of the same kind from this client is
     * {@link OrcidError.Duplicate} with the existing put-code.
     */
    public OrcidResult<Long> createAffiliation(OrcidId orcid, String accessToken, Affiliation affiliation) {
        Objects.requireNonNull(affiliation, "affiliation");
        AffiliationKind kind = affiliation.kind();
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = MemberApi.request(settings, orcid, "/" + kind.value(), accessToken)
                .header("Content-Type", MemberApi.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(json.write(affiliation, null))))
                .build();
        return http.exchange(MemberApi.call("POST", "/" + kind.value(), orcid, null), request, response ->
                response.statusCode() == 201 ? OrcidResult.ok(MemberApi.createdPutCode(response))
                        : failed(response, redactor), pc -> pc);
    }

    /**
     * {@code PUT /{kind}/{put-code}}: replaces an affiliation this client added (e.g. to set its end date); the value
     * is the item as ORCID stored it. ORCID keeps its visibility and source, and takes the kind from the path: an
     * item added as another kind becomes this affiliation's kind (§11.1).
     */
    public OrcidResult<FetchedAffiliation> updateAffiliation(OrcidId orcid, String accessToken, long putCode,
                                                             Affiliation affiliation) {
        Objects.requireNonNull(affiliation, "affiliation");
        AffiliationKind kind = affiliation.kind();
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = MemberApi.request(settings, orcid, "/" + kind.value() + "/" + putCode, accessToken)
                .header("Content-Type", MemberApi.MEDIA_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(json.write(affiliation, putCode))))
                .build();
        return http.exchange(MemberApi.call("PUT", "/" + kind.value() + "/{put-code}", orcid, putCode), request,
                response -> response.statusCode() == 200 ? OrcidResult.ok(item(kind, response))
                        : failed(response, redactor), null);
    }

    /**
     * {@code DELETE /{kind}/{put-code}}: removes an affiliation this client added. {@link OrcidError.NotFound} means it
     * is gone already (the researcher deleted it); {@link OrcidError.NotSource} that another source owns it.
     */
    public OrcidResult<Void> deleteAffiliation(OrcidId orcid, String accessToken, AffiliationKind kind, long putCode) {
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = MemberApi.request(settings, orcid, "/" + kind.value() + "/" + putCode, accessToken)
                .DELETE().build();
        return http.exchange(MemberApi.call("DELETE", "/" + kind.value() + "/{put-code}", orcid, putCode), request,
                response -> response.statusCode() / 100 == 2 ? OrcidResult.<Void>ok(null)
                        : failed(response, redactor), null);
    }

    /** {@code GET /{kind}/{put-code}}: one affiliation; another kind's put-code is {@link OrcidError.InvalidWork} (9006). */
    public OrcidResult<FetchedAffiliation> readAffiliation(OrcidId orcid, String accessToken, AffiliationKind kind,
                                                           long putCode) {
        return readItem(orcid, accessToken, kind, "/" + kind.value() + "/" + putCode,
                "/" + kind.value() + "/{put-code}", putCode);
    }

    /** {@code GET /{kind}/summary/{put-code}}: one affiliation's summary (the same content, without ORCID's extras). */
    public OrcidResult<FetchedAffiliation> readAffiliationSummary(OrcidId orcid, String accessToken,
                                                                  AffiliationKind kind, long putCode) {
        return readItem(orcid, accessToken, kind, "/" + kind.value() + "/summary/" + putCode,
                "/" + kind.value() + "/summary/{put-code}", putCode);
    }

    /**
     * {@code GET /{kinds}}: every affiliation of one kind this token may see (all of this client's, others' public or
     * limited ones), flattened out of ORCID's groups in ORCID's order.
     */
    public OrcidResult<List<FetchedAffiliation>> readAffiliations(OrcidId orcid, String accessToken,
                                                                  AffiliationKind kind) {
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = MemberApi.request(settings, orcid, "/" + kind.section(), accessToken).GET().build();
        return http.exchange(MemberApi.call("GET", "/" + kind.section(), orcid, null), request, response ->
                response.statusCode() == 200
                        ? OrcidResult.ok(List.copyOf(json.section(kind, mapper.readTree(response.body()))))
                        : failed(response, redactor), null);
    }

    /**
     * {@code GET /activities}: the affiliations of all seven kinds in one request (kind by kind, each in ORCID's
     * order), e.g. to find which of this client's affiliations the researcher deleted.
     */
    public OrcidResult<List<FetchedAffiliation>> readAffiliations(OrcidId orcid, String accessToken) {
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = MemberApi.request(settings, orcid, "/activities", accessToken).GET().build();
        return http.exchange(MemberApi.call("GET", "/activities", orcid, null), request, response ->
                response.statusCode() == 200
                        ? OrcidResult.ok(List.copyOf(json.activities(mapper.readTree(response.body()))))
                        : failed(response, redactor), null);
    }

    private OrcidResult<FetchedAffiliation> readItem(OrcidId orcid, String accessToken, AffiliationKind kind,
                                                     String path, String template, long putCode) {
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = MemberApi.request(settings, orcid, path, accessToken).GET().build();
        return http.exchange(MemberApi.call("GET", template, orcid, putCode), request, response ->
                response.statusCode() == 200 ? OrcidResult.ok(item(kind, response)) : failed(response, redactor),
                null);
    }

    private FetchedAffiliation item(AffiliationKind kind, HttpResponse<byte[]> response) {
        return json.read(kind, mapper.readTree(response.body()));
    }

    private <T> OrcidResult<T> failed(HttpResponse<byte[]> response, Redactor redactor) {
        return OrcidResult.failed(classifier.memberApi(response.statusCode(), response.body(), response.headers(),
                redactor));
    }
}
