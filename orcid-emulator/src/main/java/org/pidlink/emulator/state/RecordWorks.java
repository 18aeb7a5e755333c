package org.pidlink.emulator.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pidlink.emulator.works.Work;

/**
 * The works of one record, in creation order, with an index from (source client, external-id type, match key,
 * relationship) to put-codes, so the duplicate rule is a lookup rather than a scan of up to 10,000 works.
 * Guarded by the researcher's monitor (see {@link EmulatorState#changeWorks}).
 */
public final class RecordWorks {

    private final Map<Long, StoredWork> byPutCode = new LinkedHashMap<>();
    private final Map<String, List<Long>> index = new HashMap<>();
    private final Map<Long, StoredWork> putSinceTaken = new LinkedHashMap<>();
    private final List<Long> removedSinceTaken = new ArrayList<>();

    /** The works put and the put-codes removed since the last call, for the journal; a removal wins over a put. */
    record Changes(List<StoredWork> put, List<Long> removed) {
        boolean isEmpty() {
            return put.isEmpty() && removed.isEmpty();
        }
    }

    public StoredWork get(long putCode) {
        return byPutCode.get(putCode);
    }

    public int size() {
        return byPutCode.size();
    }

    public Collection<StoredWork> values() {
        return Collections.unmodifiableCollection(byPutCode.values());
    }

    /** Adds or replaces the work with this put-code. */
    public void put(StoredWork w) {
        putSinceTaken.put(w.putCode(), w);
        removedSinceTaken.remove(Long.valueOf(w.putCode()));
        StoredWork old = byPutCode.put(w.putCode(), w);
        if (old != null) {
            unindex(old);
        }
        List<Work.ExternalId> ids = w.work().externalIds();
        for (int i = 0; i < ids.size(); i++) {
            index.computeIfAbsent(key(w.sourceClientId(), ids.get(i), w.matchKeys().get(i)), k -> new ArrayList<>(1))
                    .add(w.putCode());
        }
    }

    public StoredWork remove(long putCode) {
        StoredWork old = byPutCode.remove(putCode);
        if (old != null) {
            unindex(old);
            putSinceTaken.remove(putCode);
            removedSinceTaken.add(putCode);
        }
        return old;
    }

    Changes takeChanges() {
        if (putSinceTaken.isEmpty() && removedSinceTaken.isEmpty()) {
            return new Changes(List.of(), List.of());
        }
        Changes changes = new Changes(List.copyOf(putSinceTaken.values()), List.copyOf(removedSinceTaken));
        putSinceTaken.clear();
        removedSinceTaken.clear();
        return changes;
    }

    /**
     * Put-codes of this client's works holding an id of this type, match key and relationship ({@code null}
     * relationship included), in creation order.
     */
    public List<Long> putCodesWith(String clientId, String type, String matchKey, String relationship) {
        List<Long> found = index.get(clientId + '\u0000' + type + '\u0000' + matchKey + '\u0000' + relationship);
        return found == null ? List.of() : List.copyOf(found);
    }

    private void unindex(StoredWork w) {
        List<Work.ExternalId> ids = w.work().externalIds();
        for (int i = 0; i < ids.size(); i++) {
            String k = key(w.sourceClientId(), ids.get(i), w.matchKeys().get(i));
            List<Long> list = index.get(k);
            if (list != null) {
                list.remove(Long.valueOf(w.putCode()));
                if (list.isEmpty()) {
                    index.remove(k);
                }
            }
        }
    }

    private static String key(String clientId, Work.ExternalId id, String matchKey) {
        return clientId + '\u0000' + id.type() + '\u0000' + matchKey + '\u0000' + id.relationship();
    }
}
