package org.pidlink.core.metadata;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/** Fuzzes the Crossref XML readers (deposit and UNIXSD) (see {@link FuzzedReading}). */
class CrossrefXmlFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void read(@NotNull byte[] content) {
        FuzzedReading.readsWithoutThrowing(content, "application/vnd.crossref.unixsd+xml");
    }
}
