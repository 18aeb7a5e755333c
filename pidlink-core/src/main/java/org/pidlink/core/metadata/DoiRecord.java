package org.pidlink.core.metadata;

import java.util.List;

import org.pidlink.core.identifiers.Doi;

/**
 * One DOI's metadata, read from any supported format into one neutral shape. This is what the type mapping,
 * the skip rules and the mapping to an ORCID work read; nothing downstream looks at the source format again.
 *
 * @param doi                 the DOI the record describes
 * @param format              the format it was read from
 * @param state               DataCite's state when the source says it, {@link DoiState#UNKNOWN} otherwise
 * @param titles              titles in source order, each with its type and language
 * @param creators            creators (DataCite) or authors (Crossref), in source order
 * @param contributors        other contributors (DataCite contributors, Crossref editors, translators, ...)
 * @param publisher           the publisher's name, or null
 * @param container           the journal, book or series the work is part of, or null
 * @param publicationYear     DataCite's publicationYear, or null
 * @param dates               dates with their types (Issued, Created, published-print, ...)
 * @param resourceType        the source's resource type
 * @param descriptions        abstracts and other descriptions
 * @param language            the language as the source gives it, or null
 * @param identifiers         other identifiers of the work itself (DataCite alternateIdentifiers, Crossref ISBN of a book, ...)
 * @param relatedIdentifiers  related identifiers with their relation types
 * @param fundingReferences   funders and awards
 * @param url                 the landing page, or null
 * @param rejectedIdentifiers ORCID iDs found in the record that could not be used, each with its reason
 */
public record DoiRecord(
        Doi doi,
        MetadataFormat format,
        DoiState state,
        List<Title> titles,
        List<Person> creators,
        List<Person> contributors,
        String publisher,
        Container container,
        Integer publicationYear,
        List<DoiDate> dates,
        ResourceType resourceType,
        List<Description> descriptions,
        String language,
        List<Identifier> identifiers,
        List<RelatedIdentifier> relatedIdentifiers,
        List<FundingReference> fundingReferences,
        String url,
        List<RejectedIdentifier> rejectedIdentifiers) {

    public DoiRecord {
        state = state == null ? DoiState.UNKNOWN : state;
        titles = List.copyOf(titles);
        creators = List.copyOf(creators);
        contributors = List.copyOf(contributors);
        dates = List.copyOf(dates);
        descriptions = List.copyOf(descriptions);
        identifiers = List.copyOf(identifiers);
        relatedIdentifiers = List.copyOf(relatedIdentifiers);
        fundingReferences = List.copyOf(fundingReferences);
        rejectedIdentifiers = List.copyOf(rejectedIdentifiers);
    }
}
