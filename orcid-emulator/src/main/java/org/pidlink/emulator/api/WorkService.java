package org.pidlink.emulator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.state.EmulatorState;
import org.pidlink.emulator.state.EmulatorState.RecordChange;
import org.pidlink.emulator.state.RecordWorks;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.traffic.WorkLimitRefusals;
import org.pidlink.emulator.works.Work;

/**
 * Creates, updates and deletes works on a record under the record's lock, with ORCID's limit (9048) and
 * duplicate rule (9021, orcid-api.md §3.4): only the caller's own works are compared; on single POST/PUT two ids
 * conflict when type and match key are equal and both are {@code self} (or both have no relationship); in bulk
 * the caller's existing self and version-of ids (and those created earlier in the request) count.
 */
final class WorkService {

    static final int MAX_WORKS = 10_000;

    private final EmulatorState state;
    private final OrcidErrors errors;
    private final ExternalIdNormalizer normalizer;
    private final WorkLimitRefusals refusals;

    WorkService(EmulatorState state, OrcidErrors errors, ExternalIdNormalizer normalizer,
                WorkLimitRefusals refusals) {
        this.state = state;
        this.errors = errors;
        this.normalizer = normalizer;
        this.refusals = refusals;
    }

    List<String> matchKeys(Work w) {
        List<String> keys = new ArrayList<>(w.externalIds().size());
        for (Work.ExternalId id : w.externalIds()) {
            keys.add(id.type() == null || id.value() == null ? "" : normalizer.matchKey(id.type(), id.value()));
        }
        return keys;
    }

    /** POST /work: a validated work; returns the stored work. */
    StoredWork create(Researcher r, String clientId, String clientName, Work w) {
        List<String> keys = matchKeys(w);
        return state.changeWorks(r, works -> {
            if (works.size() + 1 > MAX_WORKS) {
                refusals.refused(1);
                throw errors.exception(409, 9048, null);
            }
            Long dup = findSingleDuplicate(works, clientId, w, keys, -1);
            if (dup != null) {
                throw duplicate(dup, clientName);
            }
            StoredWork s = store(r, clientId, w, keys);
            works.put(s);
            return RecordChange.changed(s);
        });
    }

    /** Checks the 10,000 limit for a bulk of {@code size} before any item is processed. */
    void checkRoomFor(Researcher r, int size) {
        if (r.workCount() + size > MAX_WORKS) {
            refusals.refused(size);
            throw errors.exception(409, 9048, null);
        }
    }

    /**
     * One bulk item, already validated: stored, or the 9021 error. Items created earlier in the same request
     * are already stored and indexed, so they count as existing, as on ORCID.
     */
    Object createInBulk(Researcher r, String clientId, String clientName, Work w) {
        List<String> keys = matchKeys(w);
        return state.changeWorks(r, works -> {
            if (works.size() + 1 > MAX_WORKS) {
                refusals.refused(1);
                return RecordChange.unchanged(errors.error(409, 9048, null, Map.of()));
            }
            for (int i = 0; i < w.externalIds().size(); i++) {
                Work.ExternalId id = w.externalIds().get(i);
                if (!"self".equals(id.relationship())) {
                    continue;
                }
                // Existing ids that count in bulk: all but part-of and funded-by.
                Long pc = firstOf(works.putCodesWith(clientId, id.type(), keys.get(i), "self"));
                if (pc == null) {
                    pc = firstOf(works.putCodesWith(clientId, id.type(), keys.get(i), "version-of"));
                }
                if (pc == null) {
                    pc = firstOf(works.putCodesWith(clientId, id.type(), keys.get(i), null));
                }
                if (pc != null) {
                    return RecordChange.unchanged(errors.error(409, 9021, null, Map.of("putCode", pc.toString(),
                            "clientName", clientName)));
                }
            }
            StoredWork s = store(r, clientId, w, keys);
            works.put(s);
            return RecordChange.changed(s);
        });
    }

    /** PUT /work/{pc} after validation: duplicate check against the caller's other works, source check, update. */
    StoredWork update(Researcher r, String clientId, String clientName, long putCode, Work w) {
        List<String> keys = matchKeys(w);
        return state.changeWorks(r, works -> {
            StoredWork existing = works.get(putCode);
            if (existing == null) {
                throw errors.exception(404, 9016, "No entity found for query");
            }
            Long dup = findSingleDuplicate(works, clientId, w, keys, putCode);
            if (dup != null) {
                throw duplicate(dup, clientName);
            }
            if (!existing.sourceClientId().equals(clientId)) {
                throw errors.exception(403, 9010, null, Map.of("activity", "work"));
            }
            StoredWork updated = existing.updated(w, keys, state.now());
            works.put(updated);
            return RecordChange.changed(updated);
        });
    }

    /** DELETE /work/{pc}. */
    void delete(Researcher r, String clientId, long putCode) {
        state.changeWorks(r, works -> {
            StoredWork existing = works.get(putCode);
            if (existing == null) {
                throw errors.exception(404, 9016, "No entity found for query");
            }
            if (!existing.sourceClientId().equals(clientId)) {
                throw errors.exception(403, 9010, null, Map.of("activity", "work"));
            }
            works.remove(putCode);
            return RecordChange.changed(null);
        });
    }

    private static Long findSingleDuplicate(RecordWorks works, String clientId, Work w, List<String> keys,
                                            long exceptPutCode) {
        List<Work.ExternalId> newIds = w.externalIds();
        for (int i = 0; i < newIds.size(); i++) {
            Work.ExternalId n = newIds.get(i);
            if (n.relationship() != null && !"self".equals(n.relationship())) {
                continue;
            }
            for (long pc : works.putCodesWith(clientId, n.type(), keys.get(i), n.relationship())) {
                if (pc != exceptPutCode) {
                    return pc;
                }
            }
        }
        return null;
    }

    private static Long firstOf(List<Long> putCodes) {
        return putCodes.isEmpty() ? null : putCodes.getFirst();
    }

    private ApiException duplicate(long putCode, String clientName) {
        return errors.exception(409, 9021, null, Map.of("putCode", Long.toString(putCode), "clientName", clientName));
    }

    private StoredWork store(Researcher r, String clientId, Work w, List<String> keys) {
        var now = state.now();
        return new StoredWork(state.nextPutCode(), clientId, now, now, r.defaultVisibility(), w.withPutCode(null),
                keys);
    }
}
