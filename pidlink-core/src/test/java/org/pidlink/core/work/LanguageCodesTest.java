package org.pidlink.core.work;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageCodesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
        "en, en", "EN-us, en", "en_GB, en", "eng, en", "fre, fr", "fra, fr", "French, fr", "deu, de",
        "he, iw", "heb, iw", "id, in", "yi, ji", "zh, zh_CN", "zh-Hans, zh_CN", "zh-TW, zh_TW", "zh-Hant-HK, zh_TW",
        "nb, nb", "'  pt-BR ', pt", "xx, NONE", "'', NONE", "und, NONE", "tlh, NONE"})
    void translatesSourceSpellingsToOrcidCodes(String source, String orcid) {
        assertThat(LanguageCodes.toOrcid(source).orElse(null)).isEqualTo(orcid);
        if (orcid != null) {
            assertThat(LanguageCodes.isOrcidCode(orcid)).isTrue();
        }
    }
}
