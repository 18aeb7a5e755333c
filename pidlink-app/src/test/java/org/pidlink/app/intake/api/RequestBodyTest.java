package org.pidlink.app.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RequestBodyTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static byte[] read(byte[] sent, long declared, long max) throws IOException {
        return RequestBody.read(new ByteArrayInputStream(sent), declared, max);
    }

    @Test
    void readsABodyOfTheDeclaredLength() throws IOException {
        byte[] sent = bytes(5000);
        assertThat(read(sent, 5000, 10_000)).isEqualTo(sent);
    }

    @Test
    void readsABodyOfUnknownLength() throws IOException {
        byte[] sent = bytes(5000);
        assertThat(read(sent, -1, 10_000)).isEqualTo(sent);
    }

    @Test
    void keepsWhatArrivedWhenTheBodyIsShorterOrLongerThanDeclared() throws IOException {
        byte[] sent = bytes(5000);
        assertThat(read(sent, 8000, 10_000)).isEqualTo(sent);
        assertThat(read(sent, 3000, 10_000)).isEqualTo(sent);
    }

    @Test
    void readsOneByteMoreThanTheLimitOfATooLargeBody() throws IOException {
        byte[] sent = bytes(5000);
        assertThat(read(sent, 5000, 4000)).isEqualTo(Arrays.copyOf(sent, 4001));
        assertThat(read(sent, -1, 4000)).isEqualTo(Arrays.copyOf(sent, 4001));
        assertThat(read(sent, 3000, 4000)).isEqualTo(Arrays.copyOf(sent, 4001));
    }

    @Test
    void readsABodyLongerThanTheArrayMadeBeforeItArrived() throws IOException {
        byte[] sent = bytes(RequestBody.MAX_PRESIZED + 5000);
        assertThat(read(sent, sent.length, 64L * 1024 * 1024)).isEqualTo(sent);
        assertThat(read(bytes(10), 64L * 1024 * 1024, 64L * 1024 * 1024)).isEqualTo(bytes(10));
    }
}
