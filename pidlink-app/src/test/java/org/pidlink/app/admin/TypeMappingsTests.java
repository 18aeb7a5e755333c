package org.pidlink.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.core.metadata.ResourceType;
import org.pidlink.core.types.TypeMapping;
import org.pidlink.core.types.TypeMappingCsvException;
import org.pidlink.core.types.TypeMappingCsvException.LineError;

/** The stored mapping: shared by instances through the database, strict about encoding, safe when outdated. */
class TypeMappingsTests extends AdminTestSupport {

    private static final byte[] CUSTOM = TypeMappingPagesTests.CUSTOM.getBytes(StandardCharsets.UTF_8);
    private static final ResourceType DATASET = new ResourceType("datacite", "Dataset", null);

    @Test
    void anotherInstanceSharingTheDatabaseUsesTheReplacementAfterItsRecheck() {
        TypeMappings other = new TypeMappings(dataSource, Clock.systemUTC(), new TypeMappingProperties(Duration.ZERO));
        assertThat(typeMappings.current().orcidType(DATASET)).isEqualTo("data-set");
        assertThat(other.current().orcidType(DATASET)).isEqualTo("data-set");

        other.replace(CUSTOM, "0000-0002-1825-0097");

        assertThat(other.current().orcidType(DATASET)).as("the instance that took the upload").isEqualTo("software");
        assertThat(eventuallyInForce(s -> s.mapping().orcidType(DATASET).equals("software")).mapping()
                .orcidType(DATASET)).as("the application's instance").isEqualTo("software");

        typeMappings.resetToDefaults("0000-0002-1825-0097");
        assertThat(other.current()).isEqualTo(TypeMapping.defaults());
    }

    @Test
    void theMappingIsParsedAgainOnlyWhenItsVersionMoves() {
        TypeMappings other = new TypeMappings(dataSource, Clock.systemUTC(), new TypeMappingProperties(Duration.ZERO));
        other.replace(CUSTOM, "0000-0002-1825-0097");
        TypeMapping first = other.current();

        assertThat(other.current()).isSameAs(first);
        jdbc.update("UPDATE type_mapping SET version = version + 1");
        assertThat(other.current()).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() {
        byte[] latin1 = "source-type,orcid-type\ndatacite:Dataset,data-set\ndatacite:Text/Bericht für Ämter,report\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> typeMappings.replace(latin1, "0000-0002-1825-0097"))
                .isInstanceOfSatisfying(TypeMappingCsvException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().getFirst().line()).isEqualTo(3);
                    assertThat(e.errors().getFirst().message()).contains("not UTF-8");
                });
        assertThat(typeMappings.current()).isEqualTo(TypeMapping.defaults());
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] bom = ("\uFEFF" + TypeMappingPagesTests.CUSTOM).getBytes(StandardCharsets.UTF_8);

        StoredTypeMapping stored = typeMappings.replace(bom, "0000-0002-1825-0097");

        assertThat(stored.csv()).isEqualTo(TypeMappingPagesTests.CUSTOM);
        assertThat(typeMappings.current()).isEqualTo(TypeMapping.parseCsv(new StringReader(stored.csv())));
    }

    @Test
    void aStoredMappingThisVersionNoLongerAcceptsFallsBackToTheDefaultsAndSaysWhy() {
        typeMappings.replace(CUSTOM, "0000-0002-1825-0097");
        // As if a later ORCID dropped a work type that an earlier pidlink accepted.
        jdbc.update("UPDATE type_mapping SET csv = ?, version = version + 1",
                "source-type,orcid-type\ndatacite:Dataset,data-set\ndatacite:Text,retired-type\n");
        TypeMappings fresh = new TypeMappings(dataSource, Clock.systemUTC(), new TypeMappingProperties(Duration.ZERO));

        StoredTypeMapping stored = fresh.stored();

        assertThat(stored.mapping()).isEqualTo(TypeMapping.defaults());
        assertThat(stored.builtIn()).isTrue();
        assertThat(stored.storedProblems()).extracting(LineError::line).containsExactly(3);
        eventuallyInForce(s -> !s.storedProblems().isEmpty());
        Person admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
        String page = people.page(admin, "/admin/type-mapping").body();
        assertThat(page).contains("no longer accepted").contains("retired-type").contains("Reset to defaults");
        assertThat(people.submit(admin, people.page(admin, "/admin/type-mapping"), "/admin/type-mapping/reset",
                Map.of()).body()).doesNotContain("no longer accepted");
    }
}
