package org.pidlink.core.metadata;

import java.util.List;

/**
 * What the work is part of: a journal, a book, a series, a proceedings volume.
 *
 * @param title       the container's title (never the publisher)
 * @param type        what the container is, for example {@code journal}, {@code book}, {@code series}, {@code proceedings}
 * @param identifiers its identifiers (ISSN, ISBN, its own DOI)
 */
public record Container(String title, String type, List<Identifier> identifiers,
                        String volume, String issue, String firstPage, String lastPage) {

    public Container {
        identifiers = List.copyOf(identifiers);
    }
}
