package org.pidlink.core.affiliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** ORCID's affiliation kinds: their names, paths and namespaces, and how people write them. */
class AffiliationKindTest {

    @ParameterizedTest
    @CsvSource({"employment, EMPLOYMENT", "Invited position, INVITED_POSITION", "INVITED_POSITION, INVITED_POSITION",
            "services, SERVICE", "' Education ', EDUCATION"})
    void kindsParseAsPeopleWriteThem(String text, AffiliationKind kind) {
        assertThat(AffiliationKind.parse(text)).hasValue(kind);
    }

    @Test
    void unknownKindsDoNotParse() {
        assertThat(AffiliationKind.parse("funding")).isEmpty();
        assertThat(AffiliationKind.parse(null)).isEmpty();
        assertThatThrownBy(() -> AffiliationKind.fromValue("Employment")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(AffiliationKind.class)
    void eachKindHasOrcidsNames(AffiliationKind kind) {
        assertThat(AffiliationKind.fromValue(kind.value())).isEqualTo(kind);
        assertThat(kind.section()).isEqualTo(kind.value() + "s");
        assertThat(kind.summaryKey()).isEqualTo(kind.value() + "-summary");
        assertThat(kind.namespace()).isEqualTo("http://www.orcid.org/ns/" + kind.value());
        assertThat(kind.requiresDisambiguatedOrganization())
                .isEqualTo(kind == AffiliationKind.EMPLOYMENT || kind == AffiliationKind.EDUCATION);
    }
}
