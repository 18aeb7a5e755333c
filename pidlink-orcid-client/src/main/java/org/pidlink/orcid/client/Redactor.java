package org.pidlink.orcid.client;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that came back from ORCID before it reaches an error, a log line or the audit table.
 * ORCID echoes the bearer token in {@code "Invalid access token: <token>"}; its tokens are UUIDs, and nothing else in
 * its messages is, so every UUID goes too.
 */
final class Redactor {

    static final String MASK = "[redacted]";
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern AFTER_TOKEN_WORD = Pattern.compile(
            "(?i)((?:access|refresh)[ _]token:\\s*|authorization code:\\s*)[^\\s,;\"']+");
    private static final int MAX_LENGTH = 2000;

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redactor of(String... secrets) {
        return new Redactor(java.util.Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> s.length() >= 4)
                .toList());
    }

    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text;
        for (String secret : secrets) {
            s = s.replace(secret, MASK);
        }
        s = UUID.matcher(s).replaceAll(MASK);
        s = AFTER_TOKEN_WORD.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK));
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) + "…" : s;
    }
}
