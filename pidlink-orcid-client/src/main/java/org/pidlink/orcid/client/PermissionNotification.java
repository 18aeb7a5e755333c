package org.pidlink.orcid.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A permission request for a researcher's ORCID inbox (orcid-api.md §7, notification-permission-3.0.xsd): where
 * "Grant permission" sends the researcher, a subject and introduction they read, and the items the client means to
 * add. The limits of ORCID's schema are checked here, so a request ORCID would refuse for its shape never leaves.
 *
 * @param authorizationUrl the OAuth authorize link: absolute ({@code https://orcid.org/oauth/authorize?…}, sent as
 *                         {@code uri}), or a path on ORCID's own host ({@code /oauth/authorize?…}, sent as
 *                         {@code path})
 * @param subject          the subject line
 * @param intro            plain text shown before the items, at most {@value #MAX_TEXT} UTF-16 units
 * @param items            at least one
 * @throws IllegalArgumentException when a value breaks ORCID's schema
 */
public record PermissionNotification(URI authorizationUrl, String subject, String intro, List<Item> items) {

    /** notification-permission-3.0.xsd: {@code maxLength} of {@code notification-intro} and {@code item-name}. */
    public static final int MAX_TEXT = 1000;

    /** notification-permission-3.0.xsd {@code activity-type}. */
    public static final Set<String> ITEM_TYPES = Set.of("employment", "education", "qualification",
            "invited-position", "distinction", "membership", "service", "funding", "work", "peer-review");

    public PermissionNotification {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(intro, "intro");
        Objects.requireNonNull(items, "items");
        if (authorizationUrl.isAbsolute() ? authorizationUrl.getHost() == null
                : authorizationUrl.getRawPath() == null || !authorizationUrl.getRawPath().startsWith("/")) {
            throw new IllegalArgumentException("authorization URL must be absolute with a host, or a path starting "
                    + "with '/' on ORCID's host: " + authorizationUrl);
        }
        requireText("notification-intro", intro);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a permission notification lists at least one item");
        }
        items = List.copyOf(items);
    }

    /**
     * One thing the client would add to the record.
     *
     * @param type       an activity type ({@link #ITEM_TYPES}), {@code work} for works
     * @param name       shown to the researcher (a title), at most {@value #MAX_TEXT} UTF-16 units
     * @param externalId the item's identifier, or null
     */
    public record Item(String type, String name, ItemId externalId) {

        public Item {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            if (!ITEM_TYPES.contains(type)) {
                throw new IllegalArgumentException("item-type '" + type + "' is not one of " + ITEM_TYPES);
            }
            requireText("item-name", name);
        }

        /** A work known by its DOI ({@code self}). */
        public static Item work(String title, String doi) {
            return new Item("work", title, new ItemId("doi", doi, "self"));
        }

        /**
         * An affiliation the client means to add (orcid-api.md §11.8): its kind as the item type, named as the
         * researcher will recognize it ("Professor, Physics, Boston University"), cut to {@value #MAX_TEXT} units.
         * No external id: ORCID checks an item's id type against its work identifier types (9023), which an
         * affiliation's ids need not be.
         */
        public static Item affiliation(Affiliation a) {
            String name = java.util.stream.Stream.of(a.roleTitle(), a.departmentName(), a.organization().name())
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(", "));
            if (name.length() > MAX_TEXT) {
                // Never split a surrogate pair.
                int cut = Character.isHighSurrogate(name.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
                name = name.substring(0, cut);
            }
            return new Item(a.kind().value(), name, null);
        }
    }

    /**
     * An item's external identifier; ORCID checks that the type is one it knows (400/9023).
     *
     * @param type         ORCID's API name ({@code doi}, {@code isbn}, …)
     * @param value        non-blank
     * @param relationship {@code self}, {@code part-of}, …
     */
    public record ItemId(String type, String value, String relationship) {

        public ItemId {
            if (type == null || type.isBlank() || value == null || value.isBlank()
                    || relationship == null || relationship.isBlank()) {
                throw new IllegalArgumentException("an item's external-id needs a type, a value and a relationship");
            }
        }
    }

    /**
     * The XSD's {@code maxLength} means characters, but ORCID validates with Java's Xerces, which counts UTF-16
     * units: a character outside the Basic Multilingual Plane counts twice, so this does too.
     */
    private static void requireText(String field, String text) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " has " + text.length() + " UTF-16 units; ORCID takes at most "
                    + MAX_TEXT);
        }
    }
}
