package org.pidlink.app.intake.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.pidlink.app.system.ProblemType;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem documents from filters, where Spring MVC's {@code ProblemDetail} handling does not reach. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private final JsonMapper json = JsonMapper.builder().build();

    void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        int status = type.status().value();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri().toString());
        problem.put("title", type.title());
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"pidlink\"");
        }
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
