package dev.users.app.support;

import tools.jackson.databind.JsonNode;

/**
 * Whether an error answer is in its surface's format: v4 PagerTree's {@code {"errors":[{"message":…}],"code":N}}
 * with the request's id after it ({@code "request_id":"…"}),
 * v3 what IMCO's clients decode ({@link ImcoClients}): {@code {"errors":{"<field>":["…"]}}} for a 422,
 * {@code {"error":"…"}} for every other status, compact, with that key first and alone.
 */
public final class ErrorFormats {

    private ErrorFormats() {
    }

    /**
     * Null when {@code response} to a request of {@code path} is acceptable for any input: below 500, and a 4xx in
     * the error format of the path's surface; else what is wrong with it.
     */
    public static String unacceptable(String path, Http.Response response) {
        if (response.status() >= 500) {
            return "answered " + response;
        }
        if (response.status() < 400) {
            return null;
        }
        String problem = path.startsWith("/v3/") ? v3Problem(response) : v4Problem(response);
        return problem == null ? null : "a " + response.status() + " not in the surface's error format (" + problem
                + "): " + response;
    }

    /** Null when the response is a v4 error body with its status, else what is wrong with it. */
    public static String v4Problem(Http.Response response) {
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException notJson) {
            return "the body is not JSON";
        }
        if (body == null || !body.path("errors").isArray() || body.path("errors").isEmpty()
                || body.path("errors").get(0).path("message").asString().isBlank()) {
            return "no errors[].message";
        }
        if (body.path("code").asInt() != response.status() || body.size() != 3
                || body.path("request_id").asString().isBlank()) {
            return "not the v4 error format";
        }
        return null;
    }

    /**
     * Null when the response is a v3 error body in the shape its status calls for, which both of IMCO's clients
     * decode to a message of its own (cio without a panic, concerto without its generic text); else what is wrong.
     */
    public static String v3Problem(Http.Response response) {
        String text = response.text() == null ? "" : response.text();
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException notJson) {
            return "the body is not JSON";
        }
        if (body == null || !body.isObject() || body.size() != 1) {
            return "not an object with a single key";
        }
        if (response.status() == 422) {
            if (!text.startsWith("{\"errors\":{") || !body.path("errors").isObject() || body.path("errors").isEmpty()) {
                return "a 422 that is not {\"errors\":{\"<field>\":[…]}}";
            }
            for (var field : body.path("errors").properties()) {
                JsonNode messages = field.getValue();
                if (field.getKey().isBlank() || !messages.isArray() || messages.isEmpty()) {
                    return "field " + field.getKey() + " without an array of messages";
                }
                for (JsonNode message : messages) {
                    if (!message.isString() || message.asString().isBlank()) {
                        return "field " + field.getKey() + " with a message that is not a non-blank string";
                    }
                }
            }
        } else if (!text.startsWith("{\"error\":\"") || !body.path("error").isString()
                || body.path("error").asString().isBlank()) {
            return "not {\"error\":\"<message>\"}";
        }
        String cio;
        try {
            cio = ImcoClients.cio(response.status(), text);
        } catch (ImcoClients.GoPanic panic) {
            return "cio panics: " + panic.getMessage();
        }
        if (ImcoClients.bracketed(cio).isBlank()) {
            return "cio decodes no message";
        }
        String concerto = ImcoClients.concerto(response.status(), text);
        if (!ImcoClients.concertoScraped(concerto) || ImcoClients.bracketed(concerto).isBlank()) {
            return "concerto finds no message: " + concerto;
        }
        return null;
    }
}
