package org.pidlink.app.intake.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key may do. A key created before permissions existed may send DOI metadata only. The authority is
 * what the API's security chain checks per path.
 */
public enum ApiPermission {
    /** {@code /api/v1/dois}: send DOI metadata. */
    DOIS,
    /** {@code /api/v1/affiliations}: upload an institution's affiliations. */
    AFFILIATIONS,
    /** {@code /api/v1/registrants}: a registrant reads and decides its link suggestions (keys made per registrant). */
    SUGGESTIONS,
    /** {@code /api/v1/links}: export every DOI–iD link. */
    EXPORT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority a key with this permission holds: {@code API_DOIS}, … */
    public String authority() {
        return "API_" + name();
    }

    static String format(Set<ApiPermission> permissions) {
        return permissions.stream().sorted().map(ApiPermission::value).collect(Collectors.joining(","));
    }

    static Set<ApiPermission> parse(String stored) {
        EnumSet<ApiPermission> set = EnumSet.noneOf(ApiPermission.class);
        Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> set.add(valueOf(s.toUpperCase(Locale.ROOT))));
        return set;
    }
}
