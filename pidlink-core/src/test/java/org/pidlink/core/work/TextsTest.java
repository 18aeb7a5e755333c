package org.pidlink.core.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TextsTest {

    /** The slow, obvious definition the fast paths must agree with. */
    private static String reference(String s) {
        String kept = s.codePoints()
                .filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                        || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000)
                .map(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String collapsed = kept.replaceAll(" +", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    @Test
    void cleanAgreesWithTheObviousDefinitionOnRandomText() {
        Random random = new Random(42);
        char[] alphabet = {'a', 'Z', ' ', ' ', '\t', '\n', '\u00A0', '\u2003', '\u0001', '\uD83D', '\uDE00', 'é',
            '\uFFFE', '.', '&', '<'};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(Texts.clean(s.toString())).as("clean(%s)", s).isEqualTo(reference(s.toString()));
        }
    }

    @Test
    void cutsAtWordBoundariesAndMarksTheCut() {
        assertThat(Texts.cleanAndFit("one two three four", 12)).isEqualTo("one two…");
        assertThat(Texts.cleanAndFit("one, two; three", 10)).isEqualTo("one, two…");
        assertThat(Texts.cleanAndFit("short", 12)).isEqualTo("short");
        assertThat(Texts.cleanAndFit("x".repeat(50), 10)).isEqualTo("xxxxxxxxx…");
        assertThat(Texts.cleanAndFit("a\uD83D\uDE00b".repeat(10), 6)).hasSizeLessThanOrEqualTo(6)
                .doesNotContain("\uD83D…");
        assertThat(Texts.letters("Writing – Review & Editing")).isEqualTo("writingreviewediting");
    }

    @Test
    void theQuickUrlCheckAgreesWithUriParsing() throws Exception {
        String[] urls = {"https://doi.org/10.1/abc", "http://example.org", "https://example.org/a b",
            "https://exa_mple.org/x", "https:///x", "https://example.org/%41", "https://example.org/<x>",
            "https://example.org/a#b#c", "https://example.org:8080/x", "mailto:someone@example.org",
            "ftp://example.org/file", "relative/path", "https://example.org/q?x=1&y=2#frag"};
        for (String url : urls) {
            boolean parsed;
            try {
                URI uri = new URI(url);
                parsed = uri.isAbsolute() && (uri.getHost() != null || !uri.getScheme().startsWith("http"));
            } catch (Exception e) {
                parsed = false;
            }
            assertThat(WorkRules.isAbsoluteUri(url)).as(url).isEqualTo(parsed);
        }
    }
}
