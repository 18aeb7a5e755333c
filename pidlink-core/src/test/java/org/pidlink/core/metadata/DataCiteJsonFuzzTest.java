package org.pidlink.core.metadata;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the DataCite JSON reader (see {@link FuzzedReading}). */
class DataCiteJsonFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void read(@NotNull byte[] content) {
        FuzzedReading.readsWithoutThrowing(content, "application/vnd.api+json");
    }
}
