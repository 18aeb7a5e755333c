package org.pidlink.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Jazzer fuzz target for the affiliation files an administrator or an API key uploads (issue 17): whatever bytes
 * arrive, as CSV or JSON (chosen as the upload does, by content type or first character), the reader and the row
 * checks either answer rows or refuse the file with {@link FileRefused} naming every problem by line; nothing else
 * may escape. Runs in the {@code fuzz} surefire execution of this module (a few seconds in {@code ./pidlink test},
 * longer with {@code ./pidlink bench fuzz}); a crash Jazzer finds is written to {@code AffiliationFileFuzzTestInputs/read/}
 * and replayed by every later run.
 */
class AffiliationFileFuzzTest {

    private final AffiliationFileReader reader = new AffiliationFileReader(1 << 20, 1_000);
    private final RowValidator validator = new RowValidator();

    @FuzzTest(maxDuration = "3s")
    void read(@NotNull byte[] content) {
        for (String contentType : new String[] {null, "text/csv", "application/json"}) {
            try {
                assertThat(validator.validate(reader.read(content, AffiliationFileReader.isJson(contentType, content))))
                        .isNotNull();
            } catch (FileRefused refused) {
                assertThat(refused.errors()).isNotEmpty();
                for (RowError error : refused.errors()) {
                    assertThat(error.line()).as("a line to point at").isPositive();
                    assertThat(error.message()).as("every error says what was wrong").isNotBlank();
                }
            }
        }
    }
}
