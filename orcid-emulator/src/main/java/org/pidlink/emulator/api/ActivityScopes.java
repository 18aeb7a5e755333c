package org.pidlink.emulator.api;

import org.pidlink.emulator.state.Scopes;

/**
 * The scopes one kind of activity needs on the member API (orcid-api.md §2.5, §11.6; {@code ScopePathType}):
 * POST takes {@code create} or {@code update}, PUT and DELETE take {@code update}, and reads of items that are not
 * public take {@code readLimited}. ORCID documents only {@code /activities/update} and {@code /read-limited}, which
 * imply these.
 */
record ActivityScopes(String create, String update, String readLimited) {

    static final ActivityScopes WORKS = new ActivityScopes(Scopes.WORKS_CREATE, Scopes.WORKS_UPDATE,
            Scopes.WORKS_READ_LIMITED);
    static final ActivityScopes AFFILIATIONS = new ActivityScopes(Scopes.AFFILIATIONS_CREATE,
            Scopes.AFFILIATIONS_UPDATE, Scopes.AFFILIATIONS_READ_LIMITED);
}
