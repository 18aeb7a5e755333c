package org.pidlink.core.work;

import java.util.ArrayList;
import java.util.List;

import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.metadata.Container;
import org.pidlink.core.metadata.Description;
import org.pidlink.core.metadata.DoiDate;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.DoiState;
import org.pidlink.core.metadata.FundingReference;
import org.pidlink.core.metadata.Identifier;
import org.pidlink.core.metadata.MetadataFormat;
import org.pidlink.core.metadata.PartialDate;
import org.pidlink.core.metadata.Person;
import org.pidlink.core.metadata.RejectedIdentifier;
import org.pidlink.core.metadata.RelatedIdentifier;
import org.pidlink.core.metadata.ResourceType;
import org.pidlink.core.metadata.Title;

/** Hand-built {@link DoiRecord}s for tests: a builder with DataCite-like defaults. */
public final class Records {

    private Doi doi = Doi.parse("10.5555/example.1");
    private MetadataFormat format = MetadataFormat.DATACITE_XML;
    private DoiState state = DoiState.FINDABLE;
    private final List<Title> titles = new ArrayList<>();
    private final List<Person> creators = new ArrayList<>();
    private final List<Person> contributors = new ArrayList<>();
    private String publisher;
    private Container container;
    private Integer publicationYear;
    private final List<DoiDate> dates = new ArrayList<>();
    private ResourceType resourceType = new ResourceType("datacite", "Dataset", null);
    private final List<Description> descriptions = new ArrayList<>();
    private String language;
    private final List<Identifier> identifiers = new ArrayList<>();
    private final List<RelatedIdentifier> related = new ArrayList<>();
    private final List<FundingReference> funding = new ArrayList<>();
    private String url;
    private final List<RejectedIdentifier> rejected = new ArrayList<>();

    public static Records record() {
        return new Records();
    }

    public static Person person(String family, String given, String orcid, String... roles) {
        return new Person(family + ", " + given, given, family, Person.NameType.PERSONAL,
                orcid == null ? null : OrcidId.parse(orcid), List.of(), List.of(roles), List.of(), 0);
    }

    public static Person organization(String name) {
        return new Person(name, null, null, Person.NameType.ORGANIZATIONAL, null, List.of(), List.of(), List.of(), 0);
    }

    public Records doi(String value) {
        doi = Doi.parse(value);
        return this;
    }

    public Records format(MetadataFormat value) {
        format = value;
        return this;
    }

    public Records state(DoiState value) {
        state = value;
        return this;
    }

    public Records title(String text) {
        titles.add(new Title(text, Title.TitleType.MAIN, null));
        return this;
    }

    public Records title(String text, Title.TitleType type, String lang) {
        titles.add(new Title(text, type, lang));
        return this;
    }

    public Records creator(Person p) {
        creators.add(p);
        return this;
    }

    public Records contributor(Person p) {
        contributors.add(p);
        return this;
    }

    public Records publisher(String value) {
        publisher = value;
        return this;
    }

    public Records container(String title, String type, Identifier... ids) {
        container = new Container(title, type, List.of(ids), null, null, null, null);
        return this;
    }

    public Records container(Container value) {
        container = value;
        return this;
    }

    public Records year(Integer value) {
        publicationYear = value;
        return this;
    }

    public Records date(String type, int year, Integer month, Integer day) {
        dates.add(new DoiDate(type, new PartialDate(year, month, day), year + "-" + month + "-" + day));
        return this;
    }

    public Records type(String scheme, String general, String text) {
        resourceType = new ResourceType(scheme, general, text);
        return this;
    }

    public Records description(String text, String type) {
        descriptions.add(new Description(text, type, null));
        return this;
    }

    public Records language(String value) {
        language = value;
        return this;
    }

    public Records identifier(String type, String value) {
        identifiers.add(new Identifier(type, value));
        return this;
    }

    public Records related(String type, String value, String relation) {
        related.add(new RelatedIdentifier(type, value, relation, null));
        return this;
    }

    public Records funding(String funder, String awardNumber, String awardUri) {
        funding.add(new FundingReference(funder, null, awardNumber, awardUri, null));
        return this;
    }

    public Records url(String value) {
        url = value;
        return this;
    }

    public Records rejected(String value, String reason, String person) {
        rejected.add(new RejectedIdentifier(value, reason, person));
        return this;
    }

    public DoiRecord build() {
        return new DoiRecord(doi, format, state, titles, creators, contributors, publisher, container,
                publicationYear, dates, resourceType, descriptions, language, identifiers, related, funding, url,
                rejected);
    }
}
