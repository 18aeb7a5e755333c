package org.pidlink.emulator.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.pidlink.emulator.inbox.PermissionNotification.AuthorizationUrl;
import org.pidlink.emulator.inbox.PermissionNotification.ExternalId;
import org.pidlink.emulator.inbox.PermissionNotification.Item;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Permission notifications as JSON, with the field names of ORCID's Jackson/JAXB mapping (orcid-api.md §7):
 * kebab-case keys, {@code items.item} a list (a single object is accepted, as ORCID's reader does), dates as
 * {@code {"value": epochMillis}}. Unknown keys are refused, as ORCID's strict reader does; the rest of the
 * validation is the XML schema's ({@link NotificationXml#validate}).
 */
final class NotificationJson {

    private static final Set<String> TOP = Set.of("notification-type", "authorization-url", "notification-subject",
            "notification-intro", "items", "put-code", "created-date", "sent-date", "read-date", "actioned-date",
            "archived-date", "source");
    private static final Set<String> URL = Set.of("uri", "path", "host");
    private static final Set<String> ITEM = Set.of("item-type", "item-name", "external-id");
    private static final Set<String> EXTERNAL_ID = Set.of("external-id-type", "external-id-value",
            "external-id-url", "external-id-relationship");

    private final Supplier<JsonMapper> json;

    NotificationJson(Supplier<JsonMapper> json) {
        this.json = json;
    }

    PermissionNotification read(byte[] body) {
        JsonNode root;
        try {
            root = json.get().readTree(body);
        } catch (JacksonException e) {
            throw new InvalidNotification("not JSON: " + e.getOriginalMessage());
        }
        object(root, "$", TOP);
        String type = string(root, "notification-type", "$");
        if (type != null && !type.equals("permission")) {
            throw new InvalidNotification("$.notification-type must be \"permission\"");
        }
        JsonNode url = root.get("authorization-url");
        AuthorizationUrl authorizationUrl = url == null || url.isNull() ? new AuthorizationUrl(null, null, null)
                : new AuthorizationUrl(string(object(url, "$.authorization-url", URL), "uri", "$.authorization-url"),
                        string(url, "path", "$.authorization-url"), string(url, "host", "$.authorization-url"));
        List<Item> items = new ArrayList<>();
        JsonNode itemsNode = root.get("items");
        if (itemsNode != null && !itemsNode.isNull()) {
            object(itemsNode, "$.items", Set.of("item"));
            JsonNode list = itemsNode.get("item");
            List<JsonNode> nodes = new ArrayList<>();
            if (list != null && list.isArray()) {
                list.forEach(nodes::add);
            } else if (list != null && !list.isNull()) {
                nodes.add(list);
            }
            for (int i = 0; i < nodes.size(); i++) {
                String where = "$.items.item[" + i + "]";
                JsonNode item = object(nodes.get(i), where, ITEM);
                JsonNode id = item.get("external-id");
                ExternalId externalId = null;
                if (id != null && !id.isNull()) {
                    object(id, where + ".external-id", EXTERNAL_ID);
                    externalId = new ExternalId(string(id, "external-id-type", where), string(id, "external-id-value", where),
                            string(id, "external-id-url", where), string(id, "external-id-relationship", where));
                }
                items.add(new Item(string(item, "item-type", where), string(item, "item-name", where), externalId));
            }
        }
        return new PermissionNotification(authorizationUrl, string(root, "notification-subject", "$"),
                string(root, "notification-intro", "$"), items);
    }

    private static JsonNode object(JsonNode n, String where, Set<String> allowed) {
        if (!n.isObject()) {
            throw new InvalidNotification(where + " must be an object");
        }
        for (String name : n.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidNotification("unrecognized field \"" + name + "\" at " + where);
            }
        }
        return n;
    }

    /** A string value; ORCID's v3.0 JSON also wraps some strings as {"value": …}, accepted here. */
    private static String string(JsonNode parent, String name, String where) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject() && v.has("value")) {
            v = v.get("value");
        }
        if (!v.isString() && !v.isNumber()) {
            throw new InvalidNotification(where + "." + name + " must be a string");
        }
        return v.asString();
    }

    byte[] write(StoredNotification n, String clientHost) {
        return json.get().writeValueAsBytes(node(n, clientHost));
    }

    byte[] writeList(List<StoredNotification> list, String clientHost) {
        ObjectNode root = json.get().createObjectNode();
        ArrayNode a = root.putArray("notification");
        for (StoredNotification n : list) {
            a.add(node(n, clientHost));
        }
        return json.get().writeValueAsBytes(root);
    }

    private ObjectNode node(StoredNotification s, String clientHost) {
        PermissionNotification c = s.content();
        ObjectNode n = json.get().createObjectNode();
        n.put("notification-type", "permission");
        ObjectNode url = n.putObject("authorization-url");
        url.put("uri", c.authorizationUrl().uri());
        url.put("path", c.authorizationUrl().path());
        url.put("host", c.authorizationUrl().host());
        n.put("notification-subject", c.subject());
        n.put("notification-intro", c.intro());
        ArrayNode items = n.putObject("items").putArray("item");
        for (Item i : c.items()) {
            ObjectNode item = items.addObject();
            item.put("item-type", i.type());
            item.put("item-name", i.name());
            if (i.externalId() == null) {
                item.putNull("external-id");
            } else {
                ObjectNode id = item.putObject("external-id");
                id.put("external-id-type", i.externalId().type());
                id.put("external-id-value", i.externalId().value());
                id.put("external-id-url", i.externalId().url());
                id.put("external-id-relationship", i.externalId().relationship());
            }
        }
        date(n, "created-date", s.createdDate());
        date(n, "sent-date", s.sentDate());
        date(n, "read-date", s.readDate());
        date(n, "actioned-date", s.actionedDate());
        date(n, "archived-date", s.archivedDate());
        ObjectNode source = n.putObject("source");
        source.putNull("source-orcid");
        ObjectNode client = source.putObject("source-client-id");
        client.put("uri", "https://" + clientHost + "/client/" + s.sourceClientId());
        client.put("path", s.sourceClientId());
        client.put("host", clientHost);
        source.putObject("source-name").put("value", s.sourceName());
        n.put("put-code", s.putCode());
        return n;
    }

    private static void date(ObjectNode n, String name, Instant at) {
        if (at == null) {
            n.putNull(name);
        } else {
            n.putObject(name).put("value", at.toEpochMilli());
        }
    }
}
