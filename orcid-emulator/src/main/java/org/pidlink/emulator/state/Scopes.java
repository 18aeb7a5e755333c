package org.pidlink.emulator.state;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ORCID's scope names and their implications (orcid-api.md §2.5; {@code ScopePathType}): a granted scope also
 * grants everything it implies, transitively.
 */
public final class Scopes {

    public static final String AUTHENTICATE = "/authenticate";
    public static final String OPENID = "openid";
    public static final String READ_LIMITED = "/read-limited";
    public static final String READ_PUBLIC = "/read-public";
    public static final String ACTIVITIES_UPDATE = "/activities/update";
    public static final String PERSON_UPDATE = "/person/update";
    public static final String WEBHOOK = "/webhook";
    public static final String PREMIUM_NOTIFICATION = "/premium-notification";
    public static final String WORKS_CREATE = "/orcid-works/create";
    public static final String WORKS_UPDATE = "/orcid-works/update";
    public static final String WORKS_READ_LIMITED = "/orcid-works/read-limited";
    public static final String AFFILIATIONS_CREATE = "/affiliations/create";
    public static final String AFFILIATIONS_UPDATE = "/affiliations/update";
    public static final String AFFILIATIONS_READ_LIMITED = "/affiliations/read-limited";

    /** Scopes a client may ask for on the authorize page (3-legged). */
    public static final Set<String> THREE_LEGGED = Set.of(AUTHENTICATE, OPENID, READ_LIMITED, ACTIVITIES_UPDATE,
            PERSON_UPDATE);
    /** Scopes of the client-credentials grant. */
    public static final Set<String> TWO_LEGGED = Set.of(READ_PUBLIC, WEBHOOK, PREMIUM_NOTIFICATION);

    private static final Map<String, List<String>> IMPLIES = Map.of(
            OPENID, List.of(AUTHENTICATE),
            AUTHENTICATE, List.of(READ_PUBLIC),
            READ_LIMITED, List.of("/activities/read-limited", "/person/read-limited", READ_PUBLIC),
            "/activities/read-limited", List.of(WORKS_READ_LIMITED, "/funding/read-limited",
                    AFFILIATIONS_READ_LIMITED, "/peer-review/read-limited"),
            ACTIVITIES_UPDATE, List.of(WORKS_CREATE, WORKS_UPDATE, AFFILIATIONS_CREATE, AFFILIATIONS_UPDATE,
                    "/funding/create", "/funding/update", "/peer-review/create", "/peer-review/update",
                    READ_PUBLIC),
            PERSON_UPDATE, List.of(READ_PUBLIC),
            WEBHOOK, List.of(READ_PUBLIC),
            PREMIUM_NOTIFICATION, List.of(READ_PUBLIC));

    private Scopes() {
    }

    /** Whether {@code granted} covers {@code needed}, following implications. */
    public static boolean grants(Set<String> granted, String needed) {
        if (granted.contains(needed)) {
            return true;
        }
        for (String g : granted) {
            if (implies(g, needed, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean implies(String scope, String needed, int depth) {
        List<String> next = IMPLIES.get(scope);
        if (next == null || depth > 5) {
            return false;
        }
        for (String n : next) {
            if (n.equals(needed) || implies(n, needed, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Splits a space-separated scope parameter, keeping order and dropping duplicates. */
    public static Set<String> parse(String scope) {
        Set<String> out = new LinkedHashSet<>();
        if (scope != null) {
            for (String s : scope.trim().split("[\\s+]+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** ORCID lists granted scopes space-separated, in alphabetical order. */
    public static String format(Set<String> scopes) {
        return String.join(" ", new java.util.TreeSet<>(scopes));
    }
}
