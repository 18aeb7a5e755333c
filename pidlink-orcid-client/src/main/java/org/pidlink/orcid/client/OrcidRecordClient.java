package org.pidlink.orcid.client;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.pidlink.core.identifiers.OrcidId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a whole ORCID record ({@code GET /v3.0/{orcid}/record}) for what ORCID's record summary shows: the name,
 * employments, and validated versus self-asserted works (orcid-api.md §13). ORCID's own {@code /summary} is member
 * API only and behind a feature flag; one {@code /record} gives the same markers with any {@code /read-public} token.
 * A deprecated or deactivated record fails with {@link OrcidError.RecordUnavailable}. Thread-safe.
 */
public final class OrcidRecordClient {

    private static final int LISTED_EMPLOYMENTS = 3;

    private final OrcidClientSettings settings;
    private final OrcidHttp http;
    private final ObjectMapper mapper;
    private final ErrorClassifier classifier;

    OrcidRecordClient(OrcidClientSettings settings, OrcidHttp http, ObjectMapper mapper) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.classifier = new ErrorClassifier(mapper);
    }

    /** The record's trust markers; {@code today} decides which employment is current when sorting. */
    public OrcidResult<RecordSummary> readSummary(OrcidId orcid, String accessToken, Clock today) {
        // ORCID answers /record of a deactivated record with 200 and a history carrying its deactivation date.
        Redactor redactor = Redactor.of(accessToken);
        HttpRequest request = MemberApi.request(settings, orcid, "/record", accessToken).GET().build();
        return http.exchange(MemberApi.call("GET", "/record", orcid, null), request, response ->
                response.statusCode() == 200
                        ? OrcidResult.ok(summary(orcid, mapper.readTree(response.body()), LocalDate.now(today)))
                        : failed(response, redactor), null);
    }

    static RecordSummary summary(OrcidId orcid, JsonNode record, LocalDate today) {
        if (Json.value(record.path("history").path("deactivation-date")) != null) {
            return new RecordSummary(orcid.value(), null, List.of(), 0, 0, 0, List.of(), true);
        }
        JsonNode activities = record.path("activities-summary");
        List<RecordSummary.PublicWork> works = new ArrayList<>();
        int validated = 0;
        int selfAsserted = 0;
        for (JsonNode group : Json.list(activities.path("works").path("group"))) {
            boolean any = false;
            boolean member = false;
            for (JsonNode work : Json.list(group.path("work-summary"))) {
                if (!isPublic(work)) {
                    continue;
                }
                any = true;
                boolean self = selfAsserted(work, orcid);
                member |= !self;
                List<String> dois = WorkJson.externalIds(work.path("external-ids")).stream()
                        .filter(id -> "doi".equalsIgnoreCase(id.type()) && id.isSelf())
                        .map(id -> id.value().toLowerCase(Locale.ROOT)).toList();
                JsonNode source = work.path("source");
                Long putCode = Json.longOrNull(work.path("put-code"));
                works.add(new RecordSummary.PublicWork(putCode == null ? 0 : putCode, dois,
                        Json.value(source.path("source-name")), Json.text(source.path("source-client-id").path("path")),
                        self));
            }
            if (any) {
                if (member) {
                    validated++;
                } else {
                    selfAsserted++;
                }
            }
        }
        List<Listed> employments = new ArrayList<>();
        for (JsonNode group : Json.list(activities.path("employments").path("affiliation-group"))) {
            // The group's preferred item: the public one with the highest display index (§11.7).
            JsonNode preferred = null;
            long bestIndex = Long.MIN_VALUE;
            for (JsonNode summary : Json.list(group.path("summaries"))) {
                JsonNode item = summary.path("employment-summary");
                Long index = Json.longOrNull(item.path("display-index"));
                if (isPublic(item) && (preferred == null || (index != null && index > bestIndex))) {
                    preferred = item;
                    bestIndex = index == null ? bestIndex : index;
                }
            }
            if (preferred != null) {
                employments.add(new Listed(employment(preferred, orcid), sortDate(preferred.path("end-date"), today)));
            }
        }
        List<RecordSummary.Employment> newest = employments.stream()
                .sorted(Comparator.comparing(Listed::end).reversed())
                .limit(LISTED_EMPLOYMENTS).map(Listed::employment).toList();
        return new RecordSummary(orcid.value(), name(record.path("person").path("name")), newest, employments.size(),
                validated, selfAsserted, works, false);
    }

    private record Listed(RecordSummary.Employment employment, LocalDate end) {
    }

    private static RecordSummary.Employment employment(JsonNode item, OrcidId orcid) {
        return new RecordSummary.Employment(Json.text(item.path("organization").path("name")),
                Json.text(item.path("role-title")), year(item.path("start-date")), year(item.path("end-date")),
                !selfAsserted(item, orcid));
    }

    /** A missing end date counts as today (§13.1). */
    private static LocalDate sortDate(JsonNode date, LocalDate today) {
        Integer year = year(date);
        if (year == null) {
            return today;
        }
        String month = Json.value(date.path("month"));
        String day = Json.value(date.path("day"));
        return LocalDate.of(year, month == null ? 1 : Integer.parseInt(month), day == null ? 1 : Integer.parseInt(day));
    }

    private static Integer year(JsonNode date) {
        String year = Json.value(date.path("year"));
        return year == null ? null : Integer.valueOf(year);
    }

    private static boolean isPublic(JsonNode item) {
        String visibility = Json.text(item.path("visibility"));
        return visibility == null || "public".equalsIgnoreCase(visibility);
    }

    /** The source, or the assertion origin, is the researcher herself (§13.2 step 3). */
    private static boolean selfAsserted(JsonNode item, OrcidId orcid) {
        JsonNode source = item.path("source");
        String src = firstNonNull(Json.text(source.path("source-client-id").path("path")),
                Json.text(source.path("source-orcid").path("path")));
        String origin = firstNonNull(Json.text(source.path("assertion-origin-client-id").path("path")),
                Json.text(source.path("assertion-origin-orcid").path("path")));
        return orcid.value().equals(src) || orcid.value().equals(origin);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String name(JsonNode name) {
        if (name.isMissingNode() || name.isNull()) {
            return null;
        }
        String visibility = Json.text(name.path("visibility"));
        if (visibility != null && !"public".equalsIgnoreCase(visibility)) {
            return null;
        }
        String credit = Json.value(name.path("credit-name"));
        if (credit != null && !credit.isBlank()) {
            return credit;
        }
        String given = Json.value(name.path("given-names"));
        String family = Json.value(name.path("family-name"));
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? null : joined;
    }

    private <T> OrcidResult<T> failed(HttpResponse<byte[]> response, Redactor redactor) {
        return OrcidResult.failed(classifier.memberApi(response.statusCode(), response.body(), response.headers(),
                redactor));
    }
}
