package org.pidlink.core.work;

import java.util.List;

/** ORCID's rules for a bulk create ({@code POST /works}), checked before a message is written. */
final class Bulk {

    /** ORCID answers 400/9006 to a bulk request with more works. */
    static final int MAX_WORKS = 100;

    private Bulk() {
    }

    static void check(List<OrcidWork> works) {
        if (works.isEmpty()) {
            throw new InvalidWorkException("a bulk message needs at least one work");
        }
        if (works.size() > MAX_WORKS) {
            throw new InvalidWorkException("a bulk message holds at most " + MAX_WORKS + " works, not "
                    + works.size() + " (ORCID error 9006)");
        }
        for (OrcidWork work : works) {
            if (work.putCode() != null) {
                throw new InvalidWorkException("a bulk message creates works, so none may carry a put-code"
                        + " (ORCID error 9024); update work " + work.putCode() + " with a PUT");
            }
        }
    }
}
