package org.pidlink.core.metadata.support;

import java.util.ArrayList;
import java.util.List;

import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.InvalidIdentifierException;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.Container;
import org.pidlink.core.metadata.Description;
import org.pidlink.core.metadata.DoiDate;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.DoiState;
import org.pidlink.core.metadata.FundingReference;
import org.pidlink.core.metadata.Identifier;
import org.pidlink.core.metadata.MetadataFormat;
import org.pidlink.core.metadata.Person;
import org.pidlink.core.metadata.RejectedIdentifier;
import org.pidlink.core.metadata.RelatedIdentifier;
import org.pidlink.core.metadata.ResourceType;
import org.pidlink.core.metadata.Title;

/**
 * A record being read. Readers fill it in source order; {@link #build()} resolves ORCID iDs (after all names are
 * known, so a rejection can name its person) and numbers the people.
 */
public final class RecordDraft {

    public Doi doi;
    public final MetadataFormat format;
    public DoiState state = DoiState.UNKNOWN;
    public final List<Title> titles = new ArrayList<>(2);
    public final List<PersonDraft> creators = new ArrayList<>();
    public final List<PersonDraft> contributors = new ArrayList<>();
    public String publisher;
    public Container container;
    public Integer publicationYear;
    public final List<DoiDate> dates = new ArrayList<>(4);
    public ResourceType resourceType;
    public final List<Description> descriptions = new ArrayList<>(2);
    public String language;
    public final List<Identifier> identifiers = new ArrayList<>(2);
    public final List<RelatedIdentifier> relatedIdentifiers = new ArrayList<>();
    public final List<FundingReference> fundingReferences = new ArrayList<>(2);
    public String url;

    public RecordDraft(MetadataFormat format) {
        this.format = format;
    }

    public void title(String text, Title.TitleType type, String language) {
        String t = Texts.collapse(text);
        if (t != null) {
            titles.add(new Title(t, type, Texts.trim(language)));
        }
    }

    public void description(String text, String type, String language) {
        String t = Texts.collapse(text);
        if (t != null) {
            descriptions.add(new Description(t, Texts.trim(type), Texts.trim(language)));
        }
    }

    public void identifier(String type, String value) {
        String v = Texts.trim(value);
        if (v != null) {
            Identifier id = new Identifier(Texts.trim(type), v);
            if (!identifiers.contains(id)) {
                identifiers.add(id);
            }
        }
    }

    public void relatedIdentifier(String type, String value, String relationType, String resourceTypeGeneral) {
        String v = Texts.trim(value);
        if (v != null) {
            RelatedIdentifier r = new RelatedIdentifier(Texts.trim(type), v, Texts.trim(relationType),
                    Texts.trim(resourceTypeGeneral));
            if (!relatedIdentifiers.contains(r)) {
                relatedIdentifiers.add(r);
            }
        }
    }

    public void date(String type, org.pidlink.core.metadata.PartialDate date, String raw) {
        String r = Texts.trim(raw);
        if (r != null || date != null) {
            dates.add(new DoiDate(Texts.trim(type), date, r));
        }
    }

    /** Throws when the DOI is missing, so the caller reports the record as unreadable. */
    public DoiRecord build() {
        if (doi == null) {
            throw new IllegalStateException("record has no DOI");
        }
        List<RejectedIdentifier> rejected = new ArrayList<>();
        List<Person> builtCreators = people(creators, rejected);
        List<Person> builtContributors = people(contributors, rejected);
        return new DoiRecord(doi, format, state, titles, builtCreators, builtContributors, publisher, container,
                publicationYear, dates, resourceType, descriptions, language, identifiers, relatedIdentifiers,
                fundingReferences, url, rejected);
    }

    private static List<Person> people(List<PersonDraft> drafts, List<RejectedIdentifier> rejected) {
        List<Person> people = new ArrayList<>(drafts.size());
        for (PersonDraft d : drafts) {
            if (d.isEmpty()) {
                continue;
            }
            String displayName = d.displayName();
            OrcidId orcid = null;
            List<Identifier> others = new ArrayList<>(d.nameIdentifiers.size());
            for (NameIdentifierEntry e : d.nameIdentifiers) {
                if (!e.isOrcid()) {
                    Identifier other = PersonDraft.otherIdentifier(e);
                    if (other != null && !others.contains(other)) {
                        others.add(other);
                    }
                    continue;
                }
                String raw = e.value() == null ? "" : e.value();
                OrcidId parsed;
                try {
                    parsed = OrcidId.parse(Texts.removeSpaces(raw));
                } catch (InvalidIdentifierException ex) {
                    rejected.add(new RejectedIdentifier(raw, ex.reason(), displayName));
                    continue;
                }
                if (orcid == null) {
                    orcid = parsed;
                } else if (!orcid.equals(parsed)) {
                    rejected.add(new RejectedIdentifier(raw,
                            "a second, different ORCID iD for the same person (kept " + orcid.value() + ")",
                            displayName));
                }
            }
            Person.NameType type = d.nameType;
            people.add(new Person(d.name != null ? d.name : displayName, d.givenName, d.familyName, type, orcid,
                    others, d.roles, d.affiliations, people.size()));
        }
        return people;
    }
}
