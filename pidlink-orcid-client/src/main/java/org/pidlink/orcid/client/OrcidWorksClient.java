package org.pidlink.orcid.client;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.pidlink.core.identifiers.OrcidId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The works part of ORCID's member API v3.0 ({@code {apiBase}/v3.0/{orcid}/work…}), JSON only. Works go in as ORCID
 * v3.0 work JSON, so this client does not depend on how pidlink models works. Every request first passes the
 * {@link OrcidRateLimiter}. Thread-safe.
 */
public final class OrcidWorksClient {

    /** ORCID's limit for bulk writes (9006) and bulk reads (9042). */
    public static final int MAX_BULK = 100;

    private static final String MEDIA_TYPE = MemberApi.MEDIA_TYPE;

    private final OrcidClientSettings settings;
    private final OrcidHttp http;
    private final ObjectMapper mapper;
    private final ErrorClassifier classifier;

    OrcidWorksClient(OrcidClientSettings settings, OrcidHttp http, ObjectMapper mapper) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.classifier = new ErrorClassifier(mapper);
    }

    /** {@code POST /work}: adds one work; the value is the new put-code (from {@code Location}). */
    public OrcidResult<Long> createWork(OrcidId orcid, String accessToken, String workJson) {
        Objects.requireNonNull(workJson, "workJson");
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = request(orcid, "/work", accessToken)
                .header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(workJson, StandardCharsets.UTF_8))
                .build();
        return http.exchange(call("POST", "/work", orcid, null), request, response -> {
            if (response.statusCode() != 201) {
                return failed(response, redactor);
            }
            return OrcidResult.ok(MemberApi.createdPutCode(response));
        }, pc -> pc);
    }

    /**
     * {@code POST /works}: adds up to {@value #MAX_BULK} works in one request. ORCID handles each item on its own;
     * the value holds one result per item, in request order: the new put-code, or that item's error (e.g.
     * {@link OrcidError.Duplicate} with the existing put-code, {@link OrcidError.InvalidWork}). The outer result
     * fails only when the whole request failed (token, record state, rate limit, network).
     *
     * @throws IllegalArgumentException when more than {@value #MAX_BULK} works are given or one is not JSON
     */
    public OrcidResult<List<OrcidResult<Long>>> createWorks(OrcidId orcid, String accessToken, List<String> workJsons) {
        if (workJsons.size() > MAX_BULK) {
            throw new IllegalArgumentException("at most " + MAX_BULK + " works per bulk request, got " + workJsons.size());
        }
        if (workJsons.isEmpty()) {
            return OrcidResult.ok(List.of());
        }
        ObjectNode body = mapper.createObjectNode();
        ArrayNode bulk = body.putArray("bulk");
        for (int i = 0; i < workJsons.size(); i++) {
            JsonNode work;
            try {
                work = mapper.readTree(workJsons.get(i));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("work " + i + " of the bulk is not JSON: " + e.getMessage(), e);
            }
            bulk.addObject().set("work", work);
        }
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = request(orcid, "/works", accessToken)
                .header("Content-Type", MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                .build();
        int expected = workJsons.size();
        return http.exchange(call("POST", "/works", orcid, null), request, response -> {
            if (response.statusCode() != 200) {
                return failed(response, redactor);
            }
            List<JsonNode> items = Json.list(mapper.readTree(response.body()).path("bulk"));
            if (items.size() != expected) {
                throw new IllegalStateException("bulk answer has " + items.size() + " items for " + expected + " works");
            }
            List<OrcidResult<Long>> results = new ArrayList<>(expected);
            for (JsonNode item : items) {
                results.add(bulkItem(item, redactor).map(FetchedWork::putCode));
            }
            return OrcidResult.ok(List.copyOf(results));
        }, null);
    }

    /**
     * {@code PUT /work/{put-code}}: replaces a work this client added. The JSON gets the put-code when it has none;
     * the value is the work as ORCID stored it.
     *
     * @throws IllegalArgumentException when the JSON is not an object or names a different put-code
     */
    public OrcidResult<FetchedWork> updateWork(OrcidId orcid, String accessToken, long putCode, String workJson) {
        Objects.requireNonNull(workJson, "workJson");
        JsonNode parsed;
        try {
            parsed = mapper.readTree(workJson);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("work is not JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof ObjectNode work)) {
            throw new IllegalArgumentException("work JSON must be an object");
        }
        Long bodyPutCode = Json.longOrNull(work.path("put-code"));
        if (bodyPutCode != null && bodyPutCode != putCode) {
            throw new IllegalArgumentException("work JSON has put-code " + bodyPutCode + ", updating " + putCode);
        }
        work.put("put-code", putCode);
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = request(orcid, "/work/" + putCode, accessToken)
                .header("Content-Type", MEDIA_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(work)))
                .build();
        return http.exchange(call("PUT", "/work/{put-code}", orcid, putCode), request, response ->
                response.statusCode() == 200 ? OrcidResult.ok(fetched(response.body())) : failed(response, redactor),
                null);
    }

    /** {@code DELETE /work/{put-code}}: removes a work this client added. */
    public OrcidResult<Void> deleteWork(OrcidId orcid, String accessToken, long putCode) {
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = request(orcid, "/work/" + putCode, accessToken).DELETE().build();
        return http.exchange(call("DELETE", "/work/{put-code}", orcid, putCode), request, response ->
                response.statusCode() / 100 == 2 ? OrcidResult.<Void>ok(null) : failed(response, redactor), null);
    }

    /**
     * {@code GET /works}: every work on the record this token may see (all of this client's, and others' public or
     * limited ones), flattened out of ORCID's groups.
     */
    public OrcidResult<List<WorkSummary>> readWorks(OrcidId orcid, String accessToken) {
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = request(orcid, "/works", accessToken).GET().build();
        return http.exchange(call("GET", "/works", orcid, null), request, response ->
                response.statusCode() == 200
                        ? OrcidResult.ok(List.copyOf(WorkJson.summariesOfGroups(mapper, response.body())))
                        : failed(response, redactor), null);
    }

    /**
     * Asks ORCID whether it still takes this token for this record, e.g. after an {@link OrcidError.Unauthorized}
     * (or before believing a {@link OrcidError.TokenRejected}): reads the record's works summary ({@code GET /works},
     * the one read every member token may make, whatever its scopes), body unread. {@code Ok} means ORCID took the
     * token; {@code Failed(TokenRejected)} that ORCID's own answer says the token is invalid; any other failure
     * (another {@code Unauthorized}, 5xx, the network) leaves the question open.
     */
    public OrcidResult<Void> verifyToken(OrcidId orcid, String accessToken) {
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = request(orcid, "/works", accessToken).GET().build();
        return http.exchange(call("GET", "/works", orcid, null), request, response ->
                response.statusCode() == 200 ? OrcidResult.<Void>ok(null) : failed(response, redactor), null);
    }

    /** {@code GET /work/{put-code}}: one complete work. */
    public OrcidResult<FetchedWork> readWork(OrcidId orcid, String accessToken, long putCode) {
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = request(orcid, "/work/" + putCode, accessToken).GET().build();
        return http.exchange(call("GET", "/work/{put-code}", orcid, putCode), request, response ->
                response.statusCode() == 200 ? OrcidResult.ok(fetched(response.body())) : failed(response, redactor),
                null);
    }

    /**
     * {@code GET /works/{pc1,pc2,…}}: up to {@value #MAX_BULK} complete works in one request. Put-codes ORCID does not
     * return are listed in {@link BulkReadResult#missingPutCodes()}.
     *
     * @throws IllegalArgumentException when more than {@value #MAX_BULK} put-codes are given
     */
    public OrcidResult<BulkReadResult> readWorksBulk(OrcidId orcid, String accessToken, List<Long> putCodes) {
        Set<Long> wanted = new LinkedHashSet<>(putCodes);
        if (wanted.size() > MAX_BULK) {
            throw new IllegalArgumentException("at most " + MAX_BULK + " put-codes per bulk read, got " + wanted.size());
        }
        if (wanted.isEmpty()) {
            return OrcidResult.ok(new BulkReadResult(List.of(), List.of(), List.of()));
        }
        String joined = wanted.stream().map(String::valueOf).collect(Collectors.joining(","));
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = request(orcid, "/works/" + joined, accessToken).GET().build();
        return http.exchange(call("GET", "/works/{put-codes}", orcid, null), request, response -> {
            if (response.statusCode() != 200) {
                return failed(response, redactor);
            }
            List<FetchedWork> works = new ArrayList<>();
            List<OrcidError> errors = new ArrayList<>();
            for (JsonNode item : Json.list(mapper.readTree(response.body()).path("bulk"))) {
                switch (bulkItem(item, redactor)) {
                    case OrcidResult.Ok<FetchedWork> ok -> works.add(ok.value());
                    case OrcidResult.Failed<FetchedWork> failed -> errors.add(failed.error());
                }
            }
            Set<Long> found = new HashSet<>();
            works.forEach(w -> found.add(w.putCode()));
            List<Long> missing = wanted.stream().filter(pc -> !found.contains(pc)).toList();
            return OrcidResult.ok(new BulkReadResult(works, missing, errors));
        }, null);
    }

    private OrcidResult<FetchedWork> bulkItem(JsonNode item, Redactor redactor) {
        JsonNode work = item.path("work");
        if (work.isObject()) {
            return OrcidResult.ok(new FetchedWork(WorkJson.summary(work), mapper.writeValueAsString(work)));
        }
        JsonNode error = item.path("error");
        if (error.isObject()) {
            return OrcidResult.failed(classifier.bulkItem(error, redactor));
        }
        throw new IllegalStateException("bulk item is neither work nor error");
    }

    private FetchedWork fetched(byte[] body) {
        JsonNode work = mapper.readTree(body);
        return new FetchedWork(WorkJson.summary(work), new String(body, StandardCharsets.UTF_8));
    }

    private <T> OrcidResult<T> failed(HttpResponse<byte[]> response, Redactor redactor) {
        return OrcidResult.failed(classifier.memberApi(response.statusCode(), response.body(), response.headers(),
                redactor));
    }

    private HttpRequest.Builder request(OrcidId orcid, String path, String accessToken) {
        return MemberApi.request(settings, orcid, path, accessToken);
    }

    private static OrcidHttp.Call call(String method, String path, OrcidId orcid, Long putCode) {
        return MemberApi.call(method, path, orcid, putCode);
    }
}
