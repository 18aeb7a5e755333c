package org.pidlink.emulator.inbox;

import java.util.List;

/**
 * A permission notification as a member client writes it (notification-permission-3.0.xsd): where to send the
 * researcher to grant access, a subject and intro shown to them, and the items the client means to add.
 */
public record PermissionNotification(AuthorizationUrl authorizationUrl, String subject, String intro,
                                     List<Item> items) {

    public PermissionNotification {
        items = List.copyOf(items);
    }

    /** {@code uri} and/or {@code path} (at least one); {@code host} is informative. */
    public record AuthorizationUrl(String uri, String path, String host) {
    }

    /** One thing the client would add: {@code type} is an activity type (work, funding...). */
    public record Item(String type, String name, ExternalId externalId) {
    }

    public record ExternalId(String type, String value, String url, String relationship) {
    }
}
