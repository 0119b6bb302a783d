package dev.users.app.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error body of each surface. v4 follows PagerTree: {@code {"errors":[{"message":…}],"code":N}}.
 * v3 (IMCO) documents no error shape; it gets {@code {"status":N,"errors":[{"message":…}]}}, the same messages.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static Map<String, Object> forPath(String path, int status, List<String> messages) {
        List<Map<String, String>> errors = messages.stream().map(m -> Map.of("message", m)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        if (path != null && path.startsWith("/v3/")) {
            body.put("status", status);
            body.put("errors", errors);
        } else {
            body.put("errors", errors);
            body.put("code", status);
        }
        return body;
    }
}
