package org.pidlink.emulator.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The affiliations of one record, all seven kinds in one table as on ORCID, in creation order. Guarded by the
 * researcher's monitor (see {@link EmulatorState#changeAffiliations}); records hold few affiliations, so duplicate
 * checks scan rather than index.
 */
public final class RecordAffiliations {

    private final Map<Long, StoredAffiliation> byPutCode = new LinkedHashMap<>();

    public StoredAffiliation get(long putCode) {
        return byPutCode.get(putCode);
    }

    public int size() {
        return byPutCode.size();
    }

    public List<StoredAffiliation> values() {
        return new ArrayList<>(byPutCode.values());
    }

    /** Adds or replaces the affiliation with this put-code. */
    public void put(StoredAffiliation a) {
        byPutCode.put(a.putCode(), a);
    }

    public StoredAffiliation remove(long putCode) {
        return byPutCode.remove(putCode);
    }
}
