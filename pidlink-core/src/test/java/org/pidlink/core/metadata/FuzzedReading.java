package org.pidlink.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every metadata fuzz target checks (issue 17): whatever bytes arrive, the reader answers a
 * {@link ReadResult} (records read, errors saying what was wrong) and never throws, hangs or runs out of memory.
 *
 * <p>The targets ({@code *FuzzTest}, one per JVM as Jazzer requires) run in the {@code fuzz} surefire execution of
 * this module with {@code JAZZER_FUZZ=1}: a few seconds each in {@code ./pidlink test}, longer with
 * {@code ./pidlink bench fuzz}. Their seeds are real records from /work/shared in {@code <Target>Inputs/read/};
 * a crash Jazzer finds is written there and is replayed by every later run (a regression test).
 */
final class FuzzedReading {

    private static final MetadataReader READER = MetadataReader.standard();

    private FuzzedReading() {
    }

    static void readsWithoutThrowing(byte[] content, String contentType) {
        ReadResult result = READER.read(content, contentType);
        assertThat(result).isNotNull();
        for (ReadError error : result.errors()) {
            assertThat(error.message()).as("every error says what was wrong").isNotBlank();
        }
    }
}
