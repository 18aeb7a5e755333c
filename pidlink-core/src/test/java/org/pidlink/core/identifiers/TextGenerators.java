package org.pidlink.core.identifiers;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of text for the identifier property tests. */
final class TextGenerators {

    private TextGenerators() {
    }

    /** Any text of up to 255 characters of the Basic Multilingual Plane, lone surrogates included. */
    static Gen<String> anyText() {
        return strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 255);
    }

    /** Strings of {@code min} to {@code max} characters drawn from {@code alphabet}; shrinks towards its first. */
    static Gen<String> charactersOf(String alphabet, int min, int max) {
        return Generate.intArrays(integers().between(min, max), integers().between(0, alphabet.length() - 1))
                .map(indexes -> Arrays.stream(indexes)
                        .mapToObj(i -> String.valueOf(alphabet.charAt(i)))
                        .collect(Collectors.joining()));
    }

    /**
     * {@code text} as is (edit 0), or with one character of {@code alphabet} inserted (1) or put in place of
     * one (2), or one character dropped (3): the typing errors that make a near miss of an identifier.
     */
    static Gen<String> withOneEdit(Gen<String> text, String alphabet) {
        return text.zip(integers().between(0, 3), integers().between(0, 255), charactersOf(alphabet, 1, 1),
                TextGenerators::edited);
    }

    private static String edited(String text, int edit, int at, String character) {
        int i = at % (text.length() + 1);
        int j = Math.min(i + 1, text.length());
        return switch (edit) {
            case 1 -> text.substring(0, i) + character + text.substring(i);
            case 2 -> text.substring(0, i) + character + text.substring(j);
            case 3 -> text.substring(0, i) + text.substring(j);
            default -> text;
        };
    }

    /** Java-escaped, so that failure reports show the whitespace and invisible characters drawn. */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\'
                ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return b.append('"').toString();
    }
}
