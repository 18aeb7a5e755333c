package org.pidlink.core.metadata.datacite;

import java.util.List;

import org.pidlink.core.metadata.Container;
import org.pidlink.core.metadata.Identifier;
import org.pidlink.core.metadata.RelatedIdentifier;

/** The last resort for a DataCite container: the ISSN or ISBN the work is published in or part of. */
final class DataCiteContainers {

    private DataCiteContainers() {
    }

    static Container fromRelatedIdentifiers(List<RelatedIdentifier> related) {
        for (RelatedIdentifier r : related) {
            if (r.type() == null || r.relationType() == null) {
                continue;
            }
            boolean partOf = r.relationType().equalsIgnoreCase("IsPublishedIn")
                    || r.relationType().equalsIgnoreCase("IsPartOf");
            if (!partOf) {
                continue;
            }
            String type = r.type().toUpperCase(java.util.Locale.ROOT);
            if (type.equals("ISSN") || type.equals("EISSN") || type.equals("LISSN")) {
                return new Container(null, "journal", List.of(new Identifier(r.type(), r.value())),
                        null, null, null, null);
            }
            if (type.equals("ISBN")) {
                return new Container(null, "book", List.of(new Identifier(r.type(), r.value())),
                        null, null, null, null);
            }
        }
        return null;
    }
}
