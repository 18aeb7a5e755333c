package org.pidlink.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the content sniffing of the intake endpoint and the reader it picks, without a Content-Type (see {@link FuzzedReading}). */
class AnyDocumentFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void read(@NotNull byte[] content) {
        assertThat(MetadataFormats.sniff(content)).isNotNull();
        assertThat(MetadataFormats.preview(content)).isNotNull();
        FuzzedReading.readsWithoutThrowing(content, null);
    }
}
