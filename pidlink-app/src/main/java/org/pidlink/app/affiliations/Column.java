package org.pidlink.app.affiliations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an affiliation file (CSV header or JSON member names), in the template's order, with the longest
 * value each takes. Texts going to ORCID take ORCID's 4000 characters; pidlink's own keys are kept short.
 */
enum Column {
    ORCID("orcid", 40),
    EMAIL("email", 254),
    NAME("name", 300),
    PERSON_ID("person_id", 200),
    LOCAL_KEY("local_key", 200),
    TYPE("type", 40),
    ORGANIZATION("organization", 4000),
    CITY("city", 4000),
    REGION("region", 4000),
    COUNTRY("country", 2),
    ORG_ID("org_id", 200),
    ORG_ID_SOURCE("org_id_source", 40),
    DEPARTMENT("department", 4000),
    ROLE("role", 4000),
    START_DATE("start_date", 10),
    END_DATE("end_date", 10),
    URL("url", 2000),
    EXTERNAL_IDS("external_ids", 4000);

    private final String header;
    private final int maxLength;

    Column(String header, int maxLength) {
        this.header = header;
        this.maxLength = maxLength;
    }

    String header() {
        return header;
    }

    int maxLength() {
        return maxLength;
    }

    /** The column a header names: any case, spaces or hyphens for underscores. */
    static Optional<Column> of(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(values()).filter(c -> c.header.equals(h)).findFirst();
    }
}
