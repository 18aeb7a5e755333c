package org.pidlink.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrcidCallsCsvTest {

    @Test
    void quotesWhatRfc4180Requires() {
        assertThat(OrcidCallsCsv.field("plain")).isEqualTo("plain");
        assertThat(OrcidCallsCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(OrcidCallsCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(OrcidCallsCsv.field(null)).isEmpty();
    }

    @Test
    void neutralizesTextASpreadsheetWouldRunAsAFormula() {
        assertThat(OrcidCallsCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(OrcidCallsCsv.field("+1")).isEqualTo("'+1");
        assertThat(OrcidCallsCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(OrcidCallsCsv.field("201")).isEqualTo("201");
    }
}
