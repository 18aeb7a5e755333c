package org.pidlink.core.work;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ORCID's language codes, and the translation from the spellings DOI metadata uses ({@code en-US}, {@code eng},
 * {@code ger}, {@code English}, {@code he}, {@code zh-Hant}) into them. ORCID keeps Java's legacy codes
 * ({@code iw}, {@code in}, {@code ji}) and splits Chinese into {@code zh_CN} and {@code zh_TW}; any other value is
 * refused with error 9037, so a language pidlink cannot place is left out rather than sent.
 */
public final class LanguageCodes {

    private static final Set<String> ORCID = load();
    private static final Map<String, String> ALIASES = aliases();

    private LanguageCodes() {
    }

    public static boolean isOrcidCode(String code) {
        return code != null && ORCID.contains(code);
    }

    /** ORCID's code for a language as DOI metadata spells it, or empty when there is none. */
    public static Optional<String> toOrcid(String language) {
        if (language == null) {
            return Optional.empty();
        }
        String s = language.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.equals("zh") || s.startsWith("zh-") || s.equals("chi") || s.equals("zho") || s.equals("chinese")) {
            boolean traditional = s.contains("hant") || s.contains("-tw") || s.contains("-hk") || s.contains("-mo");
            return Optional.of(traditional ? "zh_TW" : "zh_CN");
        }
        int dash = s.indexOf('-');
        String primary = dash < 0 ? s : s.substring(0, dash);
        String mapped = ALIASES.getOrDefault(primary, primary);
        return ORCID.contains(mapped) ? Optional.of(mapped) : Optional.empty();
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            Locale locale = Locale.of(two);
            try {
                aliases.putIfAbsent(locale.getISO3Language(), two);
            } catch (java.util.MissingResourceException ignored) {
                // a language without a three-letter code
            }
            aliases.putIfAbsent(locale.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), two);
        }
        // ISO 639-2 bibliographic codes, which library metadata often uses instead of the terminology ones.
        String[][] bibliographic = {{"alb", "sq"}, {"arm", "hy"}, {"baq", "eu"}, {"bur", "my"}, {"cze", "cs"},
            {"dut", "nl"}, {"fre", "fr"}, {"geo", "ka"}, {"ger", "de"}, {"gre", "el"}, {"ice", "is"},
            {"mac", "mk"}, {"mao", "mi"}, {"may", "ms"}, {"per", "fa"}, {"rum", "ro"}, {"slo", "sk"},
            {"tib", "bo"}, {"wel", "cy"}};
        for (String[] pair : bibliographic) {
            aliases.put(pair[0], pair[1]);
        }
        // ORCID still uses the codes Java used before ISO renamed them.
        Map<String, String> legacy = Map.of("he", "iw", "id", "in", "yi", "ji");
        aliases.replaceAll((from, to) -> legacy.getOrDefault(to, to));
        aliases.putAll(legacy);
        return Map.copyOf(aliases);
    }

    private static Set<String> load() {
        Set<String> codes = new HashSet<>();
        try (InputStream in = LanguageCodes.class.getResourceAsStream("orcid-language-codes.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource orcid-language-codes.txt");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    codes.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(codes);
    }
}
