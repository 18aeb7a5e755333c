package org.pidlink.emulator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.affiliations.Affiliation;
import org.pidlink.emulator.state.Client;
import org.pidlink.emulator.state.EmulatorState.RecordChange;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.RecordAffiliations;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.StoredAffiliation;
import org.pidlink.emulator.works.Work;

/**
 * Creates, updates and deletes affiliations on a record under the record's lock, with ORCID's duplicate rule
 * (409/9021 within a kind and a source, orcid-api.md §11.5) and the organization lookup that follows it (9045,
 * §11.3 step 6). Stores what ORCID stores: the organization trimmed, external-id types in ORCID's round-trip
 * spelling ({@code source-work-id} comes back as {@code source_work_id}).
 */
final class AffiliationService {

    private final EmulatorState state;
    private final OrcidErrors errors;
    private final ExternalIdNormalizer normalizer;

    AffiliationService(EmulatorState state, OrcidErrors errors, ExternalIdNormalizer normalizer) {
        this.state = state;
        this.errors = errors;
        this.normalizer = normalizer;
    }

    /** POST /{kind}, after validation. */
    StoredAffiliation create(Researcher r, Client client, AffiliationKind kind, Affiliation a) {
        return state.changeAffiliations(r, affiliations -> {
            checkDuplicates(affiliations, client, kind, a, -1);
            resolveOrganization(a);
            var now = state.now();
            StoredAffiliation s = new StoredAffiliation(state.nextPutCode(), kind, client.clientId(), now, now,
                    r.defaultVisibility(), StoredAffiliation.API_DISPLAY_INDEX, stored(a));
            affiliations.put(s);
            return RecordChange.changed(s);
        });
    }

    /**
     * PUT /{kind}/{put-code} (§11.4): load (404/9016, any kind), source (403/9010), {@code validate} (9035, the
     * organization and date rules), duplicates without the item itself, organization lookup; the kind becomes the
     * URL's.
     */
    StoredAffiliation update(Researcher r, Client client, AffiliationKind kind, long putCode, Affiliation a,
                             Consumer<StoredAffiliation> validate) {
        return state.changeAffiliations(r, affiliations -> {
            StoredAffiliation existing = owned(affiliations, client, putCode);
            validate.accept(existing);
            checkDuplicates(affiliations, client, kind, a, putCode);
            resolveOrganization(a);
            StoredAffiliation updated = existing.updated(kind, stored(a), state.now());
            affiliations.put(updated);
            return RecordChange.changed(updated);
        });
    }

    /** DELETE /{kind}/{put-code}: of any kind, as on ORCID (§11.1). */
    void delete(Researcher r, Client client, long putCode) {
        state.changeAffiliations(r, affiliations -> {
            owned(affiliations, client, putCode);
            affiliations.remove(putCode);
            return RecordChange.changed(null);
        });
    }

    private StoredAffiliation owned(RecordAffiliations affiliations, Client client, long putCode) {
        StoredAffiliation existing = affiliations.get(putCode);
        if (existing == null) {
            throw errors.exception(404, 9016, "No entity found for query");
        }
        if (!existing.sourceClientId().equals(client.clientId())) {
            // ORCID's text says "work" for every activity (orcid-api.md §11.4).
            throw errors.exception(403, 9010, null, Map.of("activity", "work"));
        }
        return existing;
    }

    /**
     * The caller's items of the same kind that share an id with {@code a}: both {@code self} or both without a
     * relationship, equal type strings, equal normalized values (§11.5).
     */
    private void checkDuplicates(RecordAffiliations affiliations, Client client, AffiliationKind kind, Affiliation a,
                                 long except) {
        for (Work.ExternalId n : a.externalIds()) {
            if (n.relationship() != null && !"self".equals(n.relationship()) || n.type() == null || n.value() == null) {
                continue;
            }
            String key = normalizer.matchKey(n.type(), n.value());
            for (StoredAffiliation s : affiliations.values()) {
                if (s.putCode() == except || s.kind() != kind || !s.sourceClientId().equals(client.clientId())) {
                    continue;
                }
                for (Work.ExternalId e : s.affiliation().externalIds()) {
                    if (java.util.Objects.equals(e.relationship(), n.relationship()) && n.type().equals(e.type())
                            && key.equals(normalizer.matchKey(e.type(), e.value()))) {
                        throw errors.exception(409, 9021, null, Map.of("putCode", Long.toString(s.putCode()),
                                "clientName", client.name()));
                    }
                }
            }
        }
    }

    /** The (identifier, source) pair must be a row of the organization table, exactly (§11.3 step 6). */
    private void resolveOrganization(Affiliation a) {
        Affiliation.DisambiguatedOrganization d = a.organization() == null ? null : a.organization().disambiguated();
        if (d != null && (d.identifier() == null
                || state.organizations().find(d.source(), d.identifier()).isEmpty())) {
            throw errors.exception(400, 9045, null);
        }
    }

    /** What ORCID keeps of a submitted affiliation (§11.2, §11.5). */
    private static Affiliation stored(Affiliation a) {
        Affiliation.Organization org = a.organization();
        Affiliation.Organization kept = org == null ? null : new Affiliation.Organization(trim(org.name()),
                org.address() == null ? new Affiliation.Address(null, null, null) : new Affiliation.Address(
                        trim(org.address().city()), trim(org.address().region()), trim(org.address().country())),
                org.disambiguated());
        List<Work.ExternalId> ids = new ArrayList<>(a.externalIds().size());
        for (Work.ExternalId id : a.externalIds()) {
            ids.add(new Work.ExternalId(storedType(id.type()), id.value(), id.url(), id.relationship()));
        }
        return new Affiliation(null, null, a.departmentName(), a.roleTitle(), a.startDate(), a.endDate(), kept,
                a.url(), ids);
    }

    /** Stored upper-cased with {@code -} as {@code _}, read back lower-cased (§11.5). */
    private static String storedType(String type) {
        return type == null ? null : type.toUpperCase(Locale.ROOT).replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** Trimmed; empty becomes null (ORCID reads empty address parts back as null). */
    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}
