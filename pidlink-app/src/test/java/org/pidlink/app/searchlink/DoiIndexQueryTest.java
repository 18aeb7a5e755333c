package org.pidlink.app.searchlink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What reaches {@code to_tsquery}: only letters and digits, each a prefix, all required. */
class DoiIndexQueryTest {

    @Test
    void wordsBecomeRequiredPrefixesAndEverythingElseIsDropped() {
        assertThat(DoiIndex.prefixQuery("Ocean  Heat-Content")).isEqualTo("ocean:* & heat:* & content:*");
        assertThat(DoiIndex.prefixQuery("it's ' & | ! ( ) : * <-> \\ café")).isEqualTo("it:* & s:* & café:*");
        assertThat(DoiIndex.prefixQuery("ocean ocean OCEAN")).isEqualTo("ocean:*");
    }

    @Test
    void tooFewLettersOrDigitsAreNoQuery() {
        assertThat(DoiIndex.prefixQuery("a&|!b")).isNull();
        assertThat(DoiIndex.prefixQuery("' ; --")).isNull();
        assertThat(DoiIndex.prefixQuery("abc")).isEqualTo("abc:*");
    }

    @Test
    void atMostEightWords() {
        assertThat(DoiIndex.prefixQuery("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10").split(" & ")).hasSize(8);
    }
}
