package org.pidlink.core.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Jazzer fuzz target for the type-mapping CSV an administrator uploads (issue 17): any text either becomes a
 * mapping or is refused with {@link TypeMappingCsvException} naming the bad lines; nothing else may escape.
 */
class TypeMappingFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void read(@NotNull String csv) {
        try {
            TypeMapping mapping = TypeMapping.parseCsv(new StringReader(csv));
            assertThat(mapping).isNotNull();
        } catch (TypeMappingCsvException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
