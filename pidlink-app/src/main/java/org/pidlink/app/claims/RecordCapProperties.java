package org.pidlink.app.claims;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ORCID's cap on works per record ({@code pidlink.claims.record-cap.*}): which works are written first when a
 * researcher's DOIs exceed the room on her record (see docs/record-cap.md).
 *
 * @param order           the criteria, most significant first (default {@code newest-first, articles-first})
 * @param dataFileTypes   ORCID work types written after articles and data papers (default
 *                        {@code data-set, physical-object})
 * @param maxWorks        ORCID's limit (default 10,000); only worth changing if ORCID changes it
 */
@ConfigurationProperties("pidlink.claims.record-cap")
record RecordCapProperties(@Nullable List<WriteOrder.Criterion> order, @Nullable Set<String> dataFileTypes,
        @Nullable Integer maxWorks) {

    WriteOrder writeOrder() {
        WriteOrder defaults = WriteOrder.defaults();
        return new WriteOrder(order == null ? defaults.criteria() : order,
                dataFileTypes == null ? defaults.dataFileTypes() : dataFileTypes,
                maxWorks == null ? defaults.maxWorks() : maxWorks);
    }
}
