package org.pidlink.core.skip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pidlink.core.work.Records.record;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pidlink.core.metadata.DoiState;

class SkipRulesTest {

    private final SkipRules rules = SkipRules.defaults();

    @Test
    void onlyFindableDoisAreWritten() {
        assertThat(rules.skipReason(record().title("t").state(DoiState.FINDABLE).build())).isEmpty();
        assertThat(rules.skipReason(record().title("t").state(DoiState.DRAFT).build()))
                .hasValueSatisfying(r -> assertThat(r).contains("draft").contains("findable"));
        assertThat(rules.skipReason(record().title("t").state(DoiState.REGISTERED).build()))
                .hasValueSatisfying(r -> assertThat(r).contains("registered"));
    }

    @Test
    void anUnknownStateCountsAsFindableUnlessConfiguredOtherwise() {
        assertThat(rules.skipReason(record().title("t").state(DoiState.UNKNOWN).build())).isEmpty();
        SkipRules strict = new SkipRules(false, rules.skippedRelations(), rules.relatedIdTypes(),
                rules.skippedResourceTypes());
        assertThat(strict.skipReason(record().title("t").state(DoiState.UNKNOWN).build()))
                .hasValueSatisfying(r -> assertThat(r).contains("unknown"));
    }

    @Test
    void versionsPartsAndCopiesAreSkippedLikeDataCiteDoes() {
        for (String relation : new String[] {"IsVersionOf", "IsPartOf", "IsPreviousVersionOf", "IsIdenticalTo",
            "isVersionOf"}) {
            assertThat(rules.skipReason(record().title("t").related("DOI", "10.5555/concept", relation).build()))
                    .as(relation)
                    .hasValueSatisfying(r -> assertThat(r).contains(relation).contains("10.5555/concept"));
        }
        assertThat(rules.skipReason(record().title("t").related("DOI", "10.5555/v1", "HasVersion").build()))
                .as("the concept DOI is written").isEmpty();
        assertThat(rules.skipReason(record().title("t").related("DOI", "10.5555/x", "IsSupplementTo").build()))
                .isEmpty();
    }

    @Test
    void onlyARelatedDoiTakesTheDoisPlace() {
        assertThat(rules.skipReason(record().title("t").related("ISSN", "1234-5678", "IsPartOf").build())).isEmpty();
        assertThat(rules.skipReason(record().title("t").related("isbn", "9780000000002", "IsPartOf").build()))
                .isEmpty();
        assertThat(rules.skipReason(record().title("t").related("URN", "urn:nbn:de:1", "IsIdenticalTo").build()))
                .isEmpty();
        assertThat(rules.skipReason(record().title("t").related("doi", "10.5555/x", "IsIdenticalTo").build()))
                .isPresent();
    }

    @Test
    void theRelationRuleCanBeSwitchedOff() {
        SkipRules lenient = rules.withoutRelationRule();
        assertThat(lenient.skipReason(record().title("t").related("DOI", "10.5555/c", "IsVersionOf").build()))
                .isEmpty();
        assertThat(lenient.skipReason(record().title("t").state(DoiState.DRAFT).build())).isPresent();
    }

    @Test
    void grantsProjectsAndComponentsAreNotWorks() {
        assertThat(rules.skipReason(record().title("t").type("datacite", "Award", null).build()))
                .hasValueSatisfying(r -> assertThat(r).contains("Award"));
        assertThat(rules.skipReason(record().title("t").type("crossref", "component", null).build())).isPresent();
        assertThat(rules.skipReason(record().title("t").type("crossref", "pending-publication", null).build()))
                .isPresent();
        assertThat(rules.skipReason(record().title("t").type("crossref", "journal-article", null).build())).isEmpty();
        SkipRules custom = new SkipRules(true, Set.of(), Set.of(), Set.of("datacite:Dataset"));
        assertThat(custom.skipReason(record().title("t").type("datacite", "dataset", null).build())).isPresent();
    }
}
