package dev.users.app.support;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How IMCO's own command-line clients read an error body, ported line by line from their Go sources, so that
 * tests can decode every v3 error exactly as they do.
 * <ul>
 *   <li>{@link #cio}: {@code ingrammicro/cio}, {@code utils/utils.go} {@code CheckStandardStatus} (2019 on).</li>
 *   <li>{@link #concerto}: {@code ingrammicro/concerto}, {@code utils/utils.go} {@code CheckStandardStatus}, the
 *   older CLI that scrapes the raw text with regular expressions.</li>
 * </ul>
 * Also the v3 error body read as a test wants it: {@link #fieldErrors} and {@link #error}.
 */
public final class ImcoClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Go's {@code regexp} reads a {@code {} that starts no repetition as itself; Java's needs it escaped. */
    private static final Pattern CONCERTO_ERRORS = Pattern.compile("\\{\"errors\":(.*?)}");
    private static final Pattern CONCERTO_ERROR = Pattern.compile("\\{\"error\":\"(.*?)\"}");
    private static final String CONCERTO_GENERIC = "Error executing operation";

    private ImcoClients() {
    }

    /** What cio's unchecked Go type assertions do with a body they do not expect: the CLI dies with a stack trace. */
    public static final class GoPanic extends RuntimeException {
        GoPanic(String message) {
            super(message);
        }
    }

    /**
     * cio's {@code CheckStandardStatus}: null below 300, else the error it returns,
     * {@code HTTP request failed: (<status>) [<message>]}. Throws {@link GoPanic} where cio panics: {@code errors}
     * present but not an object, a field's value that is not an array, or {@code error} that is not a string.
     * <pre>{@code
     * message := string(response[:])
     * var responseContent map[string]interface{}
     * err := json.Unmarshal(response, &responseContent)
     * if err == nil {
     *     if responseContent["errors"] != nil {
     *         message = ""
     *         for key, value := range responseContent["errors"].(map[string]interface{}) {
     *             subMessages := make([]string, len(value.([]interface{})))
     *             for i, v := range value.([]interface{}) { subMessages[i] = fmt.Sprint(v) }
     *             composedMsg := strings.Join(subMessages, ",")
     *             message = fmt.Sprintf("%s#%s:%s", message, key, composedMsg)
     *         }
     *     }
     *     if responseContent["errors"] == nil && responseContent["error"] != nil {
     *         message = responseContent["error"].(string)
     *     }
     * }
     * return fmt.Errorf("HTTP request failed: (%d) [%s]", status, message)
     * }</pre>
     * Go ranges over a map in random order; this goes in the body's order, which changes no message's content.
     */
    public static String cio(int status, String body) {
        if (status < 300) {
            return null;
        }
        String message = body;
        JsonNode content = goObject(body);
        if (content != null) {
            JsonNode errors = goValue(content.get("errors"));
            if (errors != null) {
                if (!errors.isObject()) {
                    throw new GoPanic("interface conversion: interface {} is " + goType(errors)
                            + ", not map[string]interface {}");
                }
                StringBuilder composed = new StringBuilder();
                for (Map.Entry<String, JsonNode> field : errors.properties()) {
                    JsonNode value = field.getValue();
                    if (value == null || !value.isArray()) {
                        throw new GoPanic("interface conversion: interface {} is " + goType(value)
                                + ", not []interface {}");
                    }
                    List<String> subMessages = new ArrayList<>();
                    value.forEach(v -> subMessages.add(goSprint(v)));
                    composed.append('#').append(field.getKey()).append(':').append(String.join(",", subMessages));
                }
                message = composed.toString();
            }
            JsonNode error = goValue(content.get("error"));
            if (errors == null && error != null) {
                if (!error.isString()) {
                    throw new GoPanic("interface conversion: interface {} is " + goType(error) + ", not string");
                }
                message = error.asString();
            }
        }
        return "HTTP request failed: (" + status + ") [" + message + "]";
    }

    /**
     * concerto's {@code CheckStandardStatus}: null below 300, else {@code HTTP request failed: (<status>)
     * [<message>]}, the message scraped out of the raw text.
     * <pre>{@code
     * if strings.Contains(message, "{\"errors\":{") {
     *     message = ScrapeErrorMessage(message, "{\"errors\":(.*?)}")
     *     result := strings.Split(message, ","); if result != nil && len(result) >= 1 { message = result[0] }
     *     fields := strings.FieldsFunc(message, f)   // f: one of , : { } " ] [
     *     message = strings.Join(fields[:], " ")
     * } else if strings.Contains(message, "{\"error\":") {
     *     message = ScrapeErrorMessage(message, "{\"error\":\"(.*?)\"}")
     * }
     * }</pre>
     * {@code ScrapeErrorMessage} answers the first submatch, or "Error executing operation" when there is none.
     */
    public static String concerto(int status, String body) {
        if (status < 300) {
            return null;
        }
        String message = body;
        if (message.contains("{\"errors\":{")) {
            message = scrape(message, CONCERTO_ERRORS);
            message = message.split(",", -1)[0];
            message = String.join(" ", fieldsFunc(message));
        } else if (message.contains("{\"error\":")) {
            message = scrape(message, CONCERTO_ERROR);
        }
        return "HTTP request failed: (" + status + ") [" + message + "]";
    }

    /** Whether concerto found a message (rather than printing its generic text). */
    public static boolean concertoScraped(String decoded) {
        return decoded != null && !decoded.endsWith("[" + CONCERTO_GENERIC + "]");
    }

    /** The message between the brackets of a decoded error. */
    public static String bracketed(String decoded) {
        int open = decoded.indexOf('[');
        return decoded.substring(open + 1, decoded.length() - 1);
    }

    /** A v3 422's errors hash: each field with its messages (fails when the body is not that shape). */
    public static Map<String, List<String>> fieldErrors(Http.Response response) {
        JsonNode body = response.json();
        if (body == null || !body.path("errors").isObject() || body.size() != 1) {
            throw new AssertionError("not a v3 field-errors body: " + response);
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        body.path("errors").properties().forEach(field -> {
            List<String> messages = new ArrayList<>();
            field.getValue().forEach(m -> messages.add(m.asString()));
            errors.put(field.getKey(), messages);
        });
        return errors;
    }

    /** A v3 error's single message, {@code {"error":"…"}} (fails when the body is not that shape). */
    public static String error(Http.Response response) {
        JsonNode body = response.json();
        if (body == null || !body.path("error").isString() || body.size() != 1) {
            throw new AssertionError("not a v3 error body: " + response);
        }
        return body.path("error").asString();
    }

    /** What {@code json.Unmarshal} into a {@code map[string]interface{}} gives: an object, or null on error. */
    private static JsonNode goObject(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** A JSON null is Go's nil: as if the key were absent. */
    private static JsonNode goValue(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String goType(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nil";
        }
        if (node.isString()) {
            return "string";
        }
        if (node.isNumber()) {
            return "float64";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return node.isArray() ? "[]interface {}" : "map[string]interface {}";
    }

    /** {@code fmt.Sprint} of a decoded JSON value (strings as themselves). */
    private static String goSprint(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    private static String scrape(String message, Pattern pattern) {
        Matcher matcher = pattern.matcher(message);
        return matcher.find() ? matcher.group(1) : CONCERTO_GENERIC;
    }

    /** Go's {@code strings.FieldsFunc} with concerto's separators. */
    private static List<String> fieldsFunc(String text) {
        return Arrays.stream(text.split("[,:{}\"\\]\\[]+")).filter(s -> !s.isEmpty()).toList();
    }
}
