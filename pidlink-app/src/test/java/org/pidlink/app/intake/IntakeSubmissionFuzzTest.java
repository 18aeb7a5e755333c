package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.metadata.ReadError;
import org.pidlink.core.metadata.ReadResult;

/**
 * Jazzer fuzz target for the content sniffing of {@code POST /api/v1/dois} (issue 17) as {@link Intake#submit} does
 * it: the body is split into documents ({@link Submissions}: JSON Lines when declared or when the body holds several
 * JSON values) and each is read by the reader whose format the content names. pidlink-core's
 * {@code AnyDocumentFuzzTest} fuzzes the format sniffing of one document; this one the split before it. Whatever the
 * bytes and the declared type, nothing may throw; every part is a non-empty document on a real line and every error
 * says what was wrong.
 * (An empty body never gets here: the endpoint refuses it first.)
 */
class IntakeSubmissionFuzzTest {

    private static final MetadataReader READER = MetadataReader.standard();

    @FuzzTest(maxDuration = "3s")
    void submit(@NotNull byte[] body) {
        if (body.length == 0) {
            return; // the endpoint answers an empty body itself (EMPTY_REQUEST) before splitting
        }
        for (String contentType : new String[] {null, "application/x-ndjson", "application/json"}) {
            for (Submissions.Part part : Submissions.split(body, contentType)) {
                assertThat(part.bytes()).isNotEmpty();
                assertThat(part.line()).as("a line of the body, or 0 for the whole body").isBetween(0, body.length + 1);
                ReadResult result = READER.read(part.bytes(), contentType);
                assertThat(result).isNotNull();
                for (ReadError error : result.errors()) {
                    assertThat(error.message()).as("every error says what was wrong").isNotBlank();
                    assertThat(part.locate(error.location())).isNotBlank();
                }
            }
        }
    }
}
