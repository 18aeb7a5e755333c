package org.pidlink.core.metadata;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the Crossref REST JSON reader (see {@link FuzzedReading}). */
class CrossrefJsonFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void read(@NotNull byte[] content) {
        FuzzedReading.readsWithoutThrowing(content, "application/vnd.crossref+json");
    }
}
