package org.pidlink.orcid.client;

/**
 * Told about every HTTP exchange with ORCID, on the calling thread, after it finished. Exceptions thrown here are
 * logged and otherwise ignored: auditing must not change the outcome of a call.
 */
@FunctionalInterface
public interface OrcidCallListener {

    void onCall(OrcidCall call);

    static OrcidCallListener none() {
        return call -> { };
    }
}
