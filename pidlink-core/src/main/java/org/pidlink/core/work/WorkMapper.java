package org.pidlink.core.work;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.Container;
import org.pidlink.core.metadata.Description;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.FundingReference;
import org.pidlink.core.metadata.Identifier;
import org.pidlink.core.metadata.Person;
import org.pidlink.core.metadata.RelatedIdentifier;
import org.pidlink.core.metadata.Title;
import org.pidlink.core.types.TypeMapping;
import org.pidlink.core.work.WorkContributor.ContributorOrcid;
import org.pidlink.core.work.WorkContributor.Sequence;
import org.pidlink.core.work.WorkTitle.TranslatedTitle;

/**
 * Maps one DOI's metadata to the ORCID v3.0 work pidlink writes. Thread-safe; reuse one instance.
 *
 * <p>Every field ORCID would check is made valid here, or left out: texts are cut to ORCID's limits at a word
 * boundary, dates outside what ORCID accepts are dropped, identifiers ORCID has no type for are skipped,
 * languages and roles outside ORCID's lists are omitted. The only record that cannot be mapped is one without a
 * title ({@link InvalidWorkException}).
 */
public final class WorkMapper {

    /** Relations whose target is another version of the same work: ORCID groups them via {@code version-of}. */
    private static final Set<String> VERSION_RELATIONS = Set.of("isversionof", "hasversion", "isnewversionof",
            "ispreviousversionof", "isidenticalto", "issameas", "isvariantformof", "isoriginalformof");
    /** Relations whose target contains the work: added as {@code part-of}, which never groups. */
    private static final Set<String> CONTAINER_RELATIONS = Set.of("ispartof", "ispublishedin");
    private static final Set<String> CONTAINER_ID_TYPES = Set.of("issn", "isbn", "doi");
    /** Types that never name a version of a work (a journal, a grant), whatever relation points to them. */
    private static final Set<String> NOT_VERSION_ID_TYPES = Set.of("issn", "grant_number", "proposal-id");

    private final TypeMapping types;
    private final Settings settings;

    public WorkMapper(TypeMapping types, Settings settings) {
        this.types = Objects.requireNonNull(types, "types");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The default type mapping and settings. */
    public static WorkMapper standard() {
        return new WorkMapper(TypeMapping.defaults(), Settings.defaults());
    }

    /**
     * @param maxContributors contributors written at most, in metadata order; the researchers the work is written
     *                        for are kept beyond it. ORCID sets no limit on a work's contributors (only on the
     *                        request's size), and a researcher expects the author list of her DOI, so the default
     *                        keeps every author of all but the very largest collaborations (the largest known
     *                        author lists have about 5,000 names; 10,000 contributors make a work of about 2.5 MB)
     * @param orcidHost       the host in contributor iDs: {@code orcid.org}, or {@code sandbox.orcid.org}
     */
    public record Settings(int maxContributors, String orcidHost) {

        public static final int DEFAULT_MAX_CONTRIBUTORS = 10_000;
        /** Authors named in the BibTeX citation, then "and others": a citation is read, not searched. */
        public static final int CITATION_MAX_AUTHORS = 100;

        public Settings {
            if (maxContributors < 1) {
                throw new IllegalArgumentException("maxContributors must be at least 1");
            }
            Objects.requireNonNull(orcidHost, "orcidHost");
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_MAX_CONTRIBUTORS, ContributorOrcid.PRODUCTION_HOST);
        }
    }

    /** The work for a DOI, not addressed to a particular researcher. */
    public OrcidWork map(DoiRecord record) {
        return map(record, Set.<OrcidId>of());
    }

    /**
     * The work for a DOI as written to one researcher's record.
     *
     * @param researcher the ORCID iD whose record the work goes to, or null; when the contributor list is cut,
     *                   this researcher's entry is kept
     * @throws InvalidWorkException when the metadata has no title
     */
    public OrcidWork map(DoiRecord record, OrcidId researcher) {
        return map(record, researcher == null ? Set.of() : Set.of(researcher));
    }

    /**
     * The one work for a DOI as written to the records of several researchers (all that a record names): each of
     * them is listed among its contributors, also beyond {@link Settings#maxContributors()} and when she is a
     * contributor whose role ORCID has no term for, so every researcher finds herself on the work.
     *
     * @throws InvalidWorkException when the metadata has no title
     */
    public OrcidWork map(DoiRecord record, Set<OrcidId> researchers) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(researchers, "researchers");
        WorkTitle title = title(record);
        String type = types.orcidType(record.resourceType());
        PublicationDate date = PublicationDates.choose(record);
        Container container = record.container();
        String journalTitle = container == null ? null : Texts.cleanAndFit(container.title(), WorkRules.MAX_TITLE);
        Citation citation = Citation.bibtex(
                BibtexCitation.of(record, title.title(), type, date, Settings.CITATION_MAX_AUTHORS));
        return new OrcidWork(
                null,
                title,
                journalTitle,
                shortDescription(record),
                citation,
                type,
                date,
                externalIds(record),
                ExternalIdTypes.resolverUrl("doi.org", record.doi().value()),
                contributors(record, researchers),
                LanguageCodes.toOrcid(record.language()).orElse(null),
                null);
    }

    private static WorkTitle title(DoiRecord record) {
        Title main = first(record.titles(), Title.TitleType.MAIN);
        if (main == null) {
            main = record.titles().stream()
                    .filter(t -> t.type() != Title.TitleType.SUBTITLE && t.type() != Title.TitleType.TRANSLATED)
                    .filter(t -> Texts.clean(t.text()) != null)
                    .findFirst().orElse(null);
        }
        String text = main == null ? null : Texts.cleanAndFit(main.text(), WorkRules.MAX_TITLE);
        if (text == null) {
            throw new InvalidWorkException("the metadata of " + record.doi() + " has no title (ORCID error 9022)");
        }
        Title subtitle = first(record.titles(), Title.TitleType.SUBTITLE);
        TranslatedTitle translated = null;
        for (Title t : record.titles()) {
            String value = Texts.cleanAndFit(t.text(), WorkRules.MAX_TITLE);
            Optional<String> language = LanguageCodes.toOrcid(t.language());
            if (t.type() == Title.TitleType.TRANSLATED && value != null && language.isPresent()) {
                translated = new TranslatedTitle(value, language.get());
                break;
            }
        }
        return new WorkTitle(text, subtitle == null ? null : Texts.cleanAndFit(subtitle.text(), WorkRules.MAX_TITLE),
                translated);
    }

    private static Title first(List<Title> titles, Title.TitleType type) {
        for (Title t : titles) {
            if (t.type() == type && Texts.clean(t.text()) != null) {
                return t;
            }
        }
        return null;
    }

    /** The abstract; another free description only when there is no abstract. */
    private static String shortDescription(DoiRecord record) {
        Description chosen = null;
        for (Description d : record.descriptions()) {
            String type = d.type() == null ? "" : d.type().toLowerCase(Locale.ROOT);
            if (type.equals("abstract")) {
                chosen = d;
                break;
            }
            if (chosen == null && type.equals("other")) {
                chosen = d;
            }
        }
        return chosen == null ? null : Texts.cleanAndFit(chosen.text(), WorkRules.MAX_SHORT_DESCRIPTION);
    }

    private static List<ExternalId> externalIds(DoiRecord record) {
        // Keyed by type and value, so an identifier stated twice (the DOI among the alternate identifiers, a
        // version listed under two relations) is written once, with the first, strongest relationship.
        Map<String, ExternalId> ids = new LinkedHashMap<>();
        add(ids, Optional.of(ExternalIdTypes.doi(record.doi(), Relationship.SELF)));
        for (Identifier id : record.identifiers()) {
            add(ids, ExternalIdTypes.externalId(id.type(), id.value(), Relationship.SELF));
        }
        if (record.container() != null) {
            for (Identifier id : record.container().identifiers()) {
                if (ExternalIdTypes.orcidType(id.type()).filter(CONTAINER_ID_TYPES::contains).isPresent()) {
                    add(ids, ExternalIdTypes.externalId(id.type(), id.value(), Relationship.PART_OF));
                }
            }
        }
        for (RelatedIdentifier related : record.relatedIdentifiers()) {
            String relation = related.relationType() == null ? "" : Texts.letters(related.relationType());
            if (VERSION_RELATIONS.contains(relation)
                    && ExternalIdTypes.orcidType(related.type()).filter(NOT_VERSION_ID_TYPES::contains).isEmpty()) {
                add(ids, ExternalIdTypes.externalId(related.type(), related.value(), Relationship.VERSION_OF));
            } else if (CONTAINER_RELATIONS.contains(relation)
                    && ExternalIdTypes.orcidType(related.type()).filter(CONTAINER_ID_TYPES::contains).isPresent()) {
                add(ids, ExternalIdTypes.externalId(related.type(), related.value(), Relationship.PART_OF));
            }
        }
        for (FundingReference funding : record.fundingReferences()) {
            add(ids, grant(funding));
        }
        return List.copyOf(ids.values());
    }

    private static Optional<ExternalId> grant(FundingReference funding) {
        String number = Texts.clean(funding.awardNumber());
        String uri = Texts.clean(funding.awardUri());
        Optional<ExternalId> awardDoi = uri == null ? Optional.empty()
                : ExternalIdTypes.doi(uri, Relationship.FUNDED_BY);
        if (awardDoi.isPresent() && (number == null || uri.toLowerCase(Locale.ROOT).contains("doi"))) {
            return awardDoi;
        }
        if (number != null && number.length() <= WorkRules.MAX_URL) {
            String url = uri != null && WorkRules.isAbsoluteUri(uri) ? uri : null;
            return Optional.of(new ExternalId("grant_number", number, url, Relationship.FUNDED_BY));
        }
        if (uri != null && WorkRules.isAbsoluteUri(uri)) {
            return Optional.of(new ExternalId("uri", uri, uri, Relationship.FUNDED_BY));
        }
        return Optional.empty();
    }

    private static void add(Map<String, ExternalId> ids, Optional<ExternalId> id) {
        id.ifPresent(e -> ids.putIfAbsent(e.type() + " " + dedupeValue(e), e));
    }

    /** Values compared as ORCID compares them for grouping and duplicates (DOIs are canonical already). */
    private static String dedupeValue(ExternalId id) {
        return id.type().equals("doi") ? id.value() : ExternalIdNormalizer.standard().matchKey(id.type(), id.value());
    }

    private List<WorkContributor> contributors(DoiRecord record, Set<OrcidId> researchers) {
        List<WorkContributor> all = new ArrayList<>();
        List<Boolean> isResearcher = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Person creator : record.creators()) {
            Sequence sequence = all.isEmpty() ? Sequence.FIRST : Sequence.ADDITIONAL;
            addContributor(all, isResearcher, seen, creator, sequence,
                    ContributorRoles.of(creator, true).orElse(null), researchers);
        }
        for (Person contributor : record.contributors()) {
            Optional<String> role = ContributorRoles.of(contributor, false);
            boolean aResearcher = contributor.orcid() != null && researchers.contains(contributor.orcid());
            if (role.isPresent() || aResearcher) {
                addContributor(all, isResearcher, seen, contributor, null, role.orElse(null), researchers);
            }
        }
        int max = settings.maxContributors();
        if (all.size() <= max) {
            return all;
        }
        List<WorkContributor> kept = new ArrayList<>(all.subList(0, max));
        for (int i = max; i < all.size(); i++) {
            if (isResearcher.get(i)) {
                kept.add(all.get(i));
            }
        }
        return kept;
    }

    private void addContributor(List<WorkContributor> all, List<Boolean> isResearcher, Set<String> seen,
                                Person person, Sequence sequence, String role, Set<OrcidId> researchers) {
        String creditName = creditName(person);
        ContributorOrcid orcid = person.orcid() == null ? null
                : new ContributorOrcid(person.orcid(), settings.orcidHost());
        if (creditName == null && orcid == null) {
            return;
        }
        String who = orcid != null ? orcid.path() : "name:" + creditName.toLowerCase(Locale.ROOT);
        if (!seen.add(who + " " + role)) {
            return;
        }
        all.add(new WorkContributor(orcid, creditName, sequence, role));
        isResearcher.add(person.orcid() != null && researchers.contains(person.orcid()));
    }

    /** "Given Family" when both parts are known (DataCite's name is "Family, Given"), else the name as given. */
    private static String creditName(Person person) {
        String given = Texts.clean(person.givenName());
        String family = Texts.clean(person.familyName());
        String name = person.nameType() != Person.NameType.ORGANIZATIONAL && given != null && family != null
                ? given + " " + family
                : Texts.clean(person.name());
        if (name == null) {
            name = family != null ? family : given;
        }
        return Texts.cleanAndFit(name, WorkRules.MAX_CREDIT_NAME);
    }
}
