package org.pidlink.core.metadata;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the DataCite XML reader (see {@link FuzzedReading}). */
class DataCiteXmlFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void read(@NotNull byte[] content) {
        FuzzedReading.readsWithoutThrowing(content, "application/vnd.datacite.datacite+xml");
    }
}
