package org.pidlink.app.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.pidlink.app.claims.WriteAccess;
import org.pidlink.app.claims.WriteAccessSource;
import org.pidlink.core.identifiers.OrcidId;

/**
 * Permissions held in memory, for tests that run claims and the push engine without the accounts feature: a
 * test grants tokens (real ones, issued by the ORCID emulator, when ORCID is called).
 */
public final class GrantedAccess implements WriteAccessSource {

    private final Map<String, WriteAccess> byKey = new ConcurrentHashMap<>();

    public void grant(OrcidId orcid, String registrationId, String token, boolean autoUpdate) {
        byKey.put(key(orcid, registrationId), new WriteAccess.Granted(token, autoUpdate));
    }

    public void revoke(OrcidId orcid, String registrationId) {
        byKey.put(key(orcid, registrationId), new WriteAccess.Revoked("revoked in the test"));
    }

    @Override
    public WriteAccess find(OrcidId orcid, String registrationId) {
        return byKey.getOrDefault(key(orcid, registrationId), new WriteAccess.Missing("not connected"));
    }

    @Override
    public void markRevoked(OrcidId orcid, String registrationId, String reason) {
        byKey.put(key(orcid, registrationId), new WriteAccess.Revoked(reason));
    }

    private static String key(OrcidId orcid, String registrationId) {
        return orcid.value() + " " + registrationId;
    }
}
