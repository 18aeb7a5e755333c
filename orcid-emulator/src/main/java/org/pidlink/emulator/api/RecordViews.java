package org.pidlink.emulator.api;

import static org.pidlink.emulator.schema.XmlOut.ACTIVITIES;
import static org.pidlink.emulator.schema.XmlOut.COMMON;
import static org.pidlink.emulator.schema.XmlOut.EMAIL;
import static org.pidlink.emulator.schema.XmlOut.PERSON;
import static org.pidlink.emulator.schema.XmlOut.PERSONAL_DETAILS;
import static org.pidlink.emulator.schema.XmlOut.RECORD;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.api.MemberApiGate.Call;
import org.pidlink.emulator.schema.XmlOut;
import org.pidlink.emulator.state.RecordState;
import org.pidlink.emulator.state.Researcher;
import org.pidlink.emulator.state.StoredAffiliation;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /record} and {@code GET /activities} (orcid-api.md §3, §11.7) in JSON and XML: the person part and
 * every section of {@code activities-summary} in ORCID's key order, the affiliation kinds grouped first and then
 * filtered (hidden items and emptied groups dropped, the groups' ids kept), the sections the emulator does not
 * serve (fundings, peer reviews, research resources) present and empty.
 */
final class RecordViews {

    /** Sections the emulator keeps nothing in, with their path segment; ORCID writes every section. */
    private static final List<String> EMPTY_SECTIONS = List.of("fundings", "peer-reviews", "research-resources");
    /** {@code ActivitiesSummary}'s order: the sections alphabetically (§11.7). */
    private static final List<String> SECTION_ORDER = sectionOrder();

    private final MemberApiGate gate;
    private final ExternalIdNormalizer normalizer;
    private final JsonViews json;
    private final XmlViews xml;
    private final AffiliationJsonViews affiliationsJson;
    private final AffiliationXmlViews affiliationsXml;

    RecordViews(MemberApiGate gate, ExternalIdNormalizer normalizer, JsonViews json, XmlViews xml) {
        this.gate = gate;
        this.normalizer = normalizer;
        this.json = json;
        this.xml = xml;
        this.affiliationsJson = new AffiliationJsonViews(json);
        this.affiliationsXml = new AffiliationXmlViews(xml);
    }

    byte[] record(Call call, List<WorkGroups.Group> works) {
        Researcher r = call.researcher();
        Map<AffiliationKind, List<AffiliationGroups.Group>> affiliations = affiliations(call);
        if (call.out().format() == Format.JSON) {
            return json.bytes(recordJson(r, works, affiliations));
        }
        XmlOut x = new XmlOut(rootNamespaces(RECORD, PERSON, PERSONAL_DETAILS, EMAIL, ACTIVITIES));
        writeRecord(x, r, works, affiliations);
        return x.toBytes();
    }

    byte[] activities(Call call, List<WorkGroups.Group> works) {
        Map<AffiliationKind, List<AffiliationGroups.Group>> affiliations = affiliations(call);
        if (call.out().format() == Format.JSON) {
            return json.bytes(activitiesJson(call.researcher(), works, affiliations));
        }
        XmlOut x = new XmlOut(rootNamespaces(ACTIVITIES));
        writeActivities(x, call.researcher(), works, affiliations);
        return x.toBytes();
    }

    /** Each kind's groups as {@code /activities} shows them: grouped first, then what the caller may not see removed. */
    private Map<AffiliationKind, List<AffiliationGroups.Group>> affiliations(Call call) {
        Map<AffiliationKind, List<AffiliationGroups.Group>> out = new EnumMap<>(AffiliationKind.class);
        List<StoredAffiliation> all = call.researcher().state() == RecordState.DEACTIVATED ? List.of()
                : call.researcher().affiliations();
        for (AffiliationKind kind : AffiliationKind.values()) {
            List<StoredAffiliation> ofKind = all.stream().filter(a -> a.kind() == kind).toList();
            out.put(kind, AffiliationGroups.group(ofKind, a -> gate.visible(call, a.visibility(), a.sourceClientId(),
                    ActivityScopes.AFFILIATIONS.readLimited()), false, normalizer));
        }
        return out;
    }

    // ---- JSON --------------------------------------------------------------------------------------------------

    private ObjectNode recordJson(Researcher r, List<WorkGroups.Group> works,
                                  Map<AffiliationKind, List<AffiliationGroups.Group>> affiliations) {
        String orcid = r.orcid();
        ObjectNode n = json.object();
        ObjectNode id = n.putObject("orcid-identifier");
        id.put("uri", "https://" + JsonViews.HOST + "/" + orcid);
        id.put("path", orcid);
        id.put("host", JsonViews.HOST);
        n.putObject("preferences").put("locale", "en");
        ObjectNode person = n.putObject("person");
        person.set("last-modified-date", json.date(r.lastModified()));
        ObjectNode name = person.putObject("name");
        name.set("created-date", json.date(r.lastModified()));
        name.set("last-modified-date", json.date(r.lastModified()));
        name.set("given-names", json.valueOrNull(r.givenNames()));
        name.set("family-name", json.valueOrNull(r.familyName()));
        name.set("credit-name", json.valueOrNull(r.creditName()));
        name.putNull("source");
        name.put("visibility", "public");
        name.put("path", orcid);
        ObjectNode emails = person.putObject("emails");
        emails.putNull("last-modified-date");
        emails.putArray("email");
        emails.put("path", "/" + orcid + "/email");
        person.put("path", "/" + orcid + "/person");
        if (r.state() == RecordState.DEACTIVATED) {
            // ORCID shows a deactivated record as empty, with the date its owner deactivated it.
            n.putObject("history").set("deactivation-date", json.date(r.lastModified()));
        }
        n.set("activities-summary", activitiesJson(r, works, affiliations));
        n.put("path", "/" + orcid);
        return n;
    }

    /** Keys in ORCID's order: last-modified-date, the sections alphabetically, path. */
    private ObjectNode activitiesJson(Researcher r, List<WorkGroups.Group> works,
                                      Map<AffiliationKind, List<AffiliationGroups.Group>> affiliations) {
        String orcid = r.orcid();
        ObjectNode a = json.object();
        a.set("last-modified-date", json.date(r.lastModified()));
        for (String section : SECTION_ORDER) {
            AffiliationKind kind = kindOfSection(section);
            if (kind != null) {
                a.set(section, affiliationsJson.section(kind, affiliations.get(kind), orcid));
            } else if (section.equals("works")) {
                a.set("works", json.works(works, orcid));
            } else {
                ObjectNode empty = a.putObject(section);
                empty.putNull("last-modified-date");
                empty.putArray("group");
                empty.put("path", "/" + orcid + "/" + section);
            }
        }
        a.put("path", "/" + orcid + "/activities");
        return a;
    }

    // ---- XML ---------------------------------------------------------------------------------------------------

    private void writeRecord(XmlOut x, Researcher r, List<WorkGroups.Group> works,
                             Map<AffiliationKind, List<AffiliationGroups.Group>> affiliations) {
        String orcid = r.orcid();
        x.start(RECORD, "record").attr("path", "/" + orcid);
        x.start(COMMON, "orcid-identifier");
        x.leaf(COMMON, "uri", "https://" + JsonViews.HOST + "/" + orcid);
        x.leaf(COMMON, "path", orcid);
        x.leaf(COMMON, "host", JsonViews.HOST);
        x.end();
        x.start(PERSON, "person").attr("path", "/" + orcid + "/person");
        x.leaf(COMMON, "last-modified-date", XmlViews.instant(r.lastModified()));
        x.start(PERSON, "name").attr("visibility", "public").attr("path", orcid);
        x.leaf(COMMON, "created-date", XmlViews.instant(r.lastModified()));
        x.leaf(COMMON, "last-modified-date", XmlViews.instant(r.lastModified()));
        x.leaf(PERSONAL_DETAILS, "given-names", r.givenNames());
        x.leaf(PERSONAL_DETAILS, "family-name", r.familyName());
        x.leaf(PERSONAL_DETAILS, "credit-name", r.creditName());
        x.end();
        // Emails are never public through the API here; the element itself is required.
        x.start(EMAIL, "emails").attr("path", "/" + orcid + "/email").end();
        x.end();
        writeActivities(x, r, works, affiliations);
        x.end();
    }

    private void writeActivities(XmlOut x, Researcher r, List<WorkGroups.Group> works,
                                 Map<AffiliationKind, List<AffiliationGroups.Group>> affiliations) {
        String orcid = r.orcid();
        x.start(ACTIVITIES, "activities-summary").attr("path", "/" + orcid + "/activities");
        x.leaf(COMMON, "last-modified-date", XmlViews.instant(r.lastModified()));
        for (String section : SECTION_ORDER) {
            AffiliationKind kind = kindOfSection(section);
            if (kind != null) {
                affiliationsXml.writeSection(x, kind, affiliations.get(kind), orcid);
            } else if (section.equals("works")) {
                xml.writeWorks(x, works, orcid);
            } else {
                x.start(ACTIVITIES, section).attr("path", "/" + orcid + "/" + section).end();
            }
        }
        x.end();
    }

    private static List<String> sectionOrder() {
        TreeSet<String> all = new TreeSet<>(EMPTY_SECTIONS);
        all.add("works");
        for (AffiliationKind k : AffiliationKind.values()) {
            all.add(k.section());
        }
        return List.copyOf(all);
    }

    /** XmlOut declares namespaces on the root only: every affiliation kind's goes there too. */
    private static String[] rootNamespaces(String... namespaces) {
        List<String> all = new ArrayList<>(List.of(namespaces));
        for (AffiliationKind k : AffiliationKind.values()) {
            all.add(k.namespace());
        }
        return all.toArray(String[]::new);
    }

    private static AffiliationKind kindOfSection(String section) {
        for (AffiliationKind k : AffiliationKind.values()) {
            if (k.section().equals(section)) {
                return k;
            }
        }
        return null;
    }
}
