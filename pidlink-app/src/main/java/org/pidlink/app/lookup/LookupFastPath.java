package org.pidlink.app.lookup;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.lookup.LookupController.Cursor;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.identifiers.ParseResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The public lookup's plain anonymous requests, answered before Spring Security and Spring MVC: the lookup is
 * hundreds of small answers a second, and the chain of filters, the handler mapping, argument resolution and
 * content negotiation cost several times what the answer itself does (JFR, {@code bench aggregate}).
 *
 * <p>Only what needs none of that is answered here: a {@code GET} without a session (so not an administrator's), for
 * an identifier and parameters of the plain form pidlink itself links to, whose answer is 200. It gets the same
 * answer, the same caching headers, the same ETag and 304 and the same security headers as through the controller.
 * Everything else (a signed-in browser, anything malformed, a researcher who is not shown, other methods) goes on
 * to {@link LookupController}, which explains problems as problem+json. The request's metrics and request id are
 * kept: this filter runs after those.
 */
final class LookupFastPath implements Filter {

    static final String DOIS = "/api/v1/lookup/dois/";
    static final String ORCIDS = "/api/v1/lookup/orcids/";

    /** Spring Security's default headers, as the lookup's security chain writes them. */
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));
    private static final String CACHE_CONTROL = LookupController.PUBLIC.getHeaderValue();

    private final LookupAnswers answers;

    LookupFastPath(LookupAnswers answers) {
        this.answers = answers;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        Optional<LookupAnswers.Answer> answer = "GET".equals(request.getMethod())
                && request.getRequestedSessionId() == null && request.getContextPath().isEmpty()
                ? answer(request) : Optional.empty();
        if (answer.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        write(request, (HttpServletResponse) res, answer.get());
    }

    private Optional<LookupAnswers.Answer> answer(HttpServletRequest request) {
        String path = request.getRequestURI();
        Parameters parameters = Parameters.of(request.getQueryString());
        if (parameters == null) {
            return Optional.empty();
        }
        if (path.startsWith(DOIS) && parameters.limit() == null && parameters.after() == null) {
            String value = path.substring(DOIS.length());
            if (!plain(value, true) || !(Doi.tryParse(value) instanceof ParseResult.Valid<Doi>(Doi doi))) {
                return Optional.empty();
            }
            observed(request, "/api/v1/lookup/dois/{*doi}");
            return Optional.of(answers.doi(doi, parameters.all(), false));
        }
        if (path.startsWith(ORCIDS)) {
            String value = path.substring(ORCIDS.length());
            if (!plain(value, false) || !(OrcidId.tryParse(value) instanceof ParseResult.Valid<OrcidId>(OrcidId orcid))) {
                return Optional.empty();
            }
            Optional<Cursor> after = Cursor.parse(parameters.after());
            if (parameters.after() != null && after.isEmpty()) {
                return Optional.empty();
            }
            observed(request, "/api/v1/lookup/orcids/{orcid}");
            int limit = parameters.limit() == null ? LookupController.DEFAULT_LIMIT : parameters.limit();
            return answers.orcid(orcid, parameters.all(), limit, after, false);
        }
        return Optional.empty();
    }

    /** The route in the request's metrics, as Spring MVC names it. */
    private static void observed(HttpServletRequest request, String pattern) {
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pattern));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, LookupAnswers.Answer answer)
            throws IOException {
        for (HeaderWriter writer : SECURITY_HEADERS) {
            writer.writeHeaders(request, response);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        if (new ServletWebRequest(request, response).checkNotModified(answer.etag())) {
            return; // 304, with the ETag
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.json().length);
        response.getOutputStream().write(answer.json());
    }

    /**
     * Whether an identifier in the path is of the plain form (letters, digits, {@code . _ - : ( )} and, in a DOI,
     * single slashes between non-dot segments): nothing to decode, nothing Spring Security's firewall would refuse.
     */
    static boolean plain(String value, boolean slashes) {
        if (value.isEmpty()) {
            return false;
        }
        char previous = '/';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == ':' || c == '(' || c == ')'
                    || (c == '.' && previous != '/')
                    || (c == '/' && slashes && previous != '/');
            if (!ok) {
                return false;
            }
            previous = c;
        }
        return previous != '/';
    }

    /**
     * The query parameters the lookup takes, when every one is of the plain form ({@code all=true|false}, a whole
     * {@code limit} from 1 to {@link LookupController#MAX_LIMIT}, an unencoded {@code after}), each at most once;
     * null otherwise.
     */
    record Parameters(boolean all, @Nullable Integer limit, @Nullable String after) {

        static @Nullable Parameters of(@Nullable String query) {
            boolean all = false;
            Integer limit = null;
            String after = null;
            if (query == null || query.isEmpty()) {
                return new Parameters(false, null, null);
            }
            boolean seenAll = false;
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                switch (name) {
                    case "all" -> {
                        if (seenAll || !(value.equals("true") || value.equals("false"))) {
                            return null;
                        }
                        seenAll = true;
                        all = value.equals("true");
                    }
                    case "limit" -> {
                        if (limit != null || value.isEmpty() || value.length() > 4 || !value.chars().allMatch(Character::isDigit)) {
                            return null;
                        }
                        limit = Integer.parseInt(value);
                        if (limit < 1 || limit > LookupController.MAX_LIMIT) {
                            return null;
                        }
                    }
                    case "after" -> {
                        if (after != null || value.isEmpty() || !plain(value, false)) {
                            return null;
                        }
                        after = value;
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return new Parameters(all, limit, after);
        }
    }
}
