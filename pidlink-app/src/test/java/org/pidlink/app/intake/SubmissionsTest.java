package org.pidlink.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Splitting a request body into documents: one, or one per JSON Lines line. */
class SubmissionsTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneDocumentStaysWholeWhateverItsLayout() {
        assertThat(Submissions.split(bytes("{\n \"data\": [\n {\"a\": \"}{\"}\n ]\n}\n"), "application/json"))
                .singleElement().satisfies(p -> assertThat(p.line()).isZero());
        assertThat(Submissions.split(bytes("<resource>\n</resource>\n"), null)).hasSize(1);
        assertThat(Submissions.split(bytes("{\"broken\": "), null)).hasSize(1);
    }

    @Test
    void severalTopLevelValuesAreJsonLinesNumberedByLine() {
        List<Submissions.Part> parts = Submissions.split(bytes("{\"a\":1}\r\n\n{\"b\":\"x\\\"}\"}\n"), null);

        assertThat(parts).extracting(Submissions.Part::line).containsExactly(1, 3);
        assertThat(new String(parts.get(1).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":\"x\\\"}\"}");
        assertThat(parts.get(1).locate("$.data")).isEqualTo("line 3, $.data");
        assertThat(parts.get(1).locate("document")).isEqualTo("line 3");
    }

    @Test
    void theContentTypeCanDeclareJsonLines() {
        assertThat(Submissions.split(bytes("{\"a\":1}\n"), "application/x-ndjson; charset=utf-8")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }
}
