package org.pidlink.app.lookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.accounts.PermissionStatus;
import org.pidlink.app.accounts.WritePermission;
import org.pidlink.app.accounts.WritePermissions;
import org.pidlink.app.claims.Claims;
import org.pidlink.app.claims.Provenance;
import org.pidlink.app.claims.WorkPayload;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.identifiers.ParseResult;
import org.pidlink.orcid.client.ExternalId;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.WorkSummary;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Import my works from ORCID": reads the researcher's works with her own permission and records a claim
 * ({@link Provenance#IMPORT}) for each one whose own DOI ({@code self}) it finds, writing nothing to ORCID.
 * Works of pidlink's clients lend their put-codes to the claims, so they are updated rather than added again;
 * works of other sources are recorded as on ORCID, so pidlink never adds a copy of them.
 */
@Service
class WorksImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrcidRegistrations registrations;
    private final WritePermissions permissions;
    private final Claims claims;

    WorksImport(OrcidRegistrations registrations, WritePermissions permissions, Claims claims) {
        this.registrations = registrations;
        this.permissions = permissions;
        this.claims = claims;
    }

    /** What the import did, in the researcher's words: "12 works read, 9 with a DOI, 3 already known". */
    record ImportReport(int read, int withDoi, int alreadyKnown, int ours, int otherSources) {
        String summary() {
            return read + (read == 1 ? " work" : " works") + " read, " + withDoi + " with a DOI, " + alreadyKnown
                    + " already known";
        }
    }

    /** Why the works could not be read: no permission, or ORCID refused or could not be reached. */
    static final class ImportFailedException extends RuntimeException {
        ImportFailedException(String message) {
            super(message);
        }
    }

    ImportReport importWorks(OrcidId orcid) {
        WritePermission permission = registrations.distinct().stream()
                .map(registration -> permissions.find(orcid, registration))
                .flatMap(Optional::stream)
                .filter(p -> p.status() == PermissionStatus.ACTIVE)
                .findFirst()
                .orElseThrow(() -> new ImportFailedException(
                        "pidlink may not read your ORCID record: connect pidlink to ORCID first."));
        String reader = registrations.canonical(permission.registrationId());
        List<WorkSummary> works = switch (registrations.client(reader).on(CallClass.READ.context(reader)).works().readWorks(orcid,
                permission.accessToken())) {
            case OrcidResult.Ok<List<WorkSummary>> ok -> ok.value();
            case OrcidResult.Failed<List<WorkSummary>> failed -> throw new ImportFailedException(
                    "ORCID did not give your works: " + failed.error().problem().summary());
        };
        int withDoi = 0;
        int known = 0;
        int ours = 0;
        int others = 0;
        for (WorkSummary work : works) {
            Set<Doi> dois = selfDois(work);
            if (dois.isEmpty()) {
                continue;
            }
            withDoi++;
            String ownRegistration = ownRegistration(work);
            boolean allKnown = true;
            for (Doi doi : dois) {
                WorkPayload payload = payload(work);
                if (ownRegistration != null) {
                    allKnown &= claims.recordFoundOnOrcid(orcid, doi, ownRegistration, Provenance.IMPORT, payload,
                            work.putCode(), "pidlink");
                } else {
                    // Every registration of pidlink's could add the DOI: none of them may add a copy.
                    for (String registration : registrations.distinct()) {
                        allKnown &= claims.recordFoundOnOrcid(orcid, doi, registration, Provenance.IMPORT, payload,
                                null, sourceOf(work));
                    }
                }
            }
            if (ownRegistration != null) {
                ours++;
            } else {
                others++;
            }
            if (allKnown) {
                known++;
            }
        }
        // After the claims took the put-codes of pidlink's own works: how full her record is (ORCID's cap).
        claims.worksOnRecord(orcid, works.stream().map(WorkSummary::putCode).toList());
        return new ImportReport(works.size(), withDoi, known, ours, others);
    }

    /** The registration whose ORCID client added the work, or null when another source did. */
    private @Nullable String ownRegistration(WorkSummary work) {
        for (String registration : registrations.distinct()) {
            if (work.isFromClient(registrations.clientId(registration))) {
                return registration;
            }
        }
        return null;
    }

    private static Set<Doi> selfDois(WorkSummary work) {
        Set<Doi> dois = new LinkedHashSet<>();
        for (ExternalId id : work.selfIds()) {
            if ("doi".equalsIgnoreCase(id.type()) && Doi.tryParse(id.value()) instanceof ParseResult.Valid<Doi> doi) {
                dois.add(doi.value());
            }
        }
        return dois;
    }

    private static String sourceOf(WorkSummary work) {
        if (work.sourceName() != null && !work.sourceName().isBlank()) {
            return work.sourceName();
        }
        return work.sourceClientId() != null ? work.sourceClientId()
                : work.sourceOrcid() != null ? work.sourceOrcid() : "another source";
    }

    /** The work as ORCID summarized it (title, type, identifiers), ORCID v3.0 JSON with a stable key order. */
    static WorkPayload payload(WorkSummary work) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (work.title() != null) {
            json.put("title", Map.of("title", Map.of("value", work.title())));
        }
        if (work.type() != null) {
            json.put("type", work.type());
        }
        List<Map<String, Object>> ids = new ArrayList<>();
        for (ExternalId id : work.externalIds()) {
            Map<String, Object> external = new LinkedHashMap<>();
            external.put("external-id-type", id.type());
            external.put("external-id-value", id.value());
            if (id.url() != null) {
                external.put("external-id-url", Map.of("value", id.url()));
            }
            if (id.relationship() != null) {
                external.put("external-id-relationship", id.relationship());
            }
            ids.add(external);
        }
        json.put("external-ids", Map.of("external-id", ids));
        return WorkPayload.ofCanonicalJson(JSON.writeValueAsString(json));
    }
}
