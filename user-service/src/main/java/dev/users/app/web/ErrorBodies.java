package dev.users.app.web;

import dev.users.errors.UsersException.Problem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error body of each surface.
 * <ul>
 *   <li>v4 follows PagerTree: {@code {"errors":[{"message":…}],"code":N}}, one message per problem.</li>
 *   <li>v3 follows what IMCO's clients parse (IMCO documents no error shape; its CLI {@code cio} decodes
 *   {@code {"errors":{"<field>":["…"]}}} or {@code {"error":"…"}}, and panics on anything else in those keys): a 422
 *   is {@code {"errors":{"<field>":["<message>", …]}}}, Rails' errors hash, with each problem under the field it is
 *   about (its message without the field's name) and the others under {@code base}; every other status is
 *   {@code {"error":"<message>"}}. Compact, with that key first and alone, as the older {@code concerto} CLI finds
 *   it with a regular expression.</li>
 * </ul>
 * The request's id ({@link RequestIds}) is in every answer's {@code X-Request-Id} header; v4's body carries it too,
 * as {@code request_id} after {@code code}. v3's does not: concerto reads the body with regular expressions that
 * expect the one key alone, so an extra key would change what it shows.
 */
public final class ErrorBodies {

    /** Where Rails keeps the errors that are about no single attribute. */
    static final String BASE = "base";

    private ErrorBodies() {
    }

    /** The body for problems about no single field. */
    public static Map<String, Object> forPath(String path, int status, List<String> messages, String requestId) {
        return forProblems(path, status, messages.stream().map(Problem::general).toList(), requestId);
    }

    public static Map<String, Object> forProblems(String path, int status, List<Problem> problems, String requestId) {
        List<Problem> given = problems.stream().filter(p -> !p.message().isBlank()).toList();
        List<Problem> shown = given.isEmpty() ? List.of(Problem.general(ErrorPathController.describe(status))) : given;
        return ApiPaths.isV3(path) ? v3(status, shown) : v4(status, shown, requestId);
    }

    /**
     * Answers with the error body of {@code path}'s surface, for the filters that answer before Spring MVC (after
     * {@link RequestIdFilter}, which has put the request's id in the response's header).
     */
    public static void write(HttpServletResponse response, JsonMapper json, String path, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                forPath(path, status, List.of(message), response.getHeader(RequestIds.HEADER)));
    }

    private static Map<String, Object> v4(int status, List<Problem> problems, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", problems.stream().map(p -> Map.of("message", p.message())).toList());
        body.put("code", status);
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        return body;
    }

    private static Map<String, Object> v3(int status, List<Problem> problems) {
        if (status != 422) {
            return Map.of("error", String.join("; ", problems.stream().map(Problem::message).toList()));
        }
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Problem problem : problems) {
            String field = problem.field() == null || problem.field().isBlank() ? BASE : problem.field();
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(problem.detail());
        }
        return Map.of("errors", byField);
    }
}
