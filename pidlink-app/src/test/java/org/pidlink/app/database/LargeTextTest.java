package org.pidlink.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class LargeTextTest {

    private static final List<String> TEXTS = List.of("", "a", "{\"title\":\"plain ASCII\"}",
            "Müller, Zoë; Ørsted — 東京大学", "emoji \uD83D\uDE00 and math \uD835\uDC00",
            "unpaired \uD800 high and \uDC00 low, high at the end \uD83D", "\u007f\u0080\u07ff\u0800\uffff");

    @Test
    void encodesAsStringGetBytesDoes() throws Exception {
        for (String text : TEXTS) {
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            assertThat(LargeText.utf8Length(text)).as(text).isEqualTo(expected.length);
            for (int chunk : new int[] {1, 2, 3, 5, 8192}) {
                assertThat(readAll(new LargeText.Utf8Stream(text), chunk)).as(text + " in chunks of " + chunk)
                        .isEqualTo(expected);
            }
            InputStream single = new LargeText.Utf8Stream(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int b = single.read(); b >= 0; b = single.read()) {
                out.write(b);
            }
            assertThat(out.toByteArray()).as(text + " byte by byte").isEqualTo(expected);
        }
    }

    @Test
    void encodesALargeWorkMixingAsciiAndOtherCharacters() throws Exception {
        StringBuilder work = new StringBuilder("{\"contributors\":[");
        for (int i = 0; i < 20_000; i++) {
            work.append("{\"credit-name\":\"Zoë Müller-").append(i).append(" \uD83D\uDE00\"},");
        }
        String text = work.append("{}]}").toString();
        assertThat(readAll(new LargeText.Utf8Stream(text), 8192)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in, int chunk) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        for (int n = in.read(buffer, 0, chunk); n >= 0; n = in.read(buffer, 0, chunk)) {
            assertThat(n).isPositive();
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
