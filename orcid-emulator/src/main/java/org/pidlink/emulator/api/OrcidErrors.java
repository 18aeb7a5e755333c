package org.pidlink.emulator.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Builds ORCID errors from ORCID's own message catalogue ({@code api_en.properties}, bundled), the way
 * ORCID's exception mapper does (orcid-api.md §4.1): the code's developer message (or the exception class name
 * when it has none), then {@code " Full validation error: " + detail} when there is a detail, then
 * {@code ${param}} substitution; the user message is substituted the same way.
 */
public final class OrcidErrors {

    public static final String MORE_INFO = "https://members.orcid.org/api/resources/troubleshooting";

    public OrcidErrors() {
    }

    /** ORCID's message catalogue, read once per JVM (it never changes) on the first error. */
    private static final class Catalogue {
        static final Map<String, String> MESSAGES = load();

        private static Map<String, String> load() {
            Properties p = new Properties();
            try (InputStream in = OrcidErrors.class.getResourceAsStream("/orcid-source/i18n/api_en.properties")) {
                if (in == null) {
                    throw new IllegalStateException("missing resource /orcid-source/i18n/api_en.properties");
                }
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> m = new HashMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return Map.copyOf(m);
        }
    }

    /**
     * @param exceptionClass ORCID's exception class name, used as the developer message when the code has none
     * @param detail         the exception's message (appended as "Full validation error"), or null
     */
    public OrcidError error(int status, int code, String exceptionClass, String detail, Map<String, String> params) {
        Map<String, String> messages = Catalogue.MESSAGES;
        String dev = messages.get("apiError." + code + ".developerMessage");
        if (dev == null) {
            dev = exceptionClass == null ? "org.orcid.core.exception.OrcidCoreException" : exceptionClass;
        }
        if (detail != null) {
            dev = dev + " Full validation error: " + detail;
        }
        String user = messages.getOrDefault("apiError." + code + ".userMessage", "");
        String more = messages.getOrDefault("apiError." + code + ".moreInfo", MORE_INFO);
        return new OrcidError(status, substitute(dev, params), substitute(user, params), code, more);
    }

    public OrcidError error(int status, int code, String detail, Map<String, String> params) {
        return error(status, code, null, detail, params);
    }

    public ApiException exception(int status, int code, String detail, Map<String, String> params) {
        return new ApiException(error(status, code, null, detail, params));
    }

    public ApiException exception(int status, int code, String detail) {
        return exception(status, code, detail, Map.of());
    }

    private static String substitute(String text, Map<String, String> params) {
        if (params.isEmpty() || text.indexOf("${") < 0) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> p : params.entrySet()) {
            out = out.replace("${" + p.getKey() + "}", String.valueOf(p.getValue()));
        }
        return out;
    }
}
