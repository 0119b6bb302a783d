package dev.users.command.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.errors.UsersException.Problem;
import dev.users.web.ClientText;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads typed parameters out of a request object, collecting one message per problem instead of stopping at the
 * first, so that a client sees everything wrong with a request at once (422). Accepts the string forms that
 * form-encoded bodies produce ("true", "1", index-keyed objects for arrays). Every text read through here, object
 * keys included, passes {@link ClientText}: single-line unless read with {@link #text}; a refused one is a problem
 * naming the field and is never returned. Each problem records the field it is about (v3 keys its errors by it).
 */
public final class ParamReader {

    private final String prefix;
    private final List<Problem> problems;

    public ParamReader() {
        this("", new ArrayList<>());
    }

    private ParamReader(String prefix, List<Problem> problems) {
        this.prefix = prefix;
        this.problems = problems;
    }

    /** A reader whose problems are reported with {@code prefix} before each field name. */
    public static ParamReader under(String prefix) {
        return new ParamReader(prefix, new ArrayList<>());
    }

    /** A reader for a nested object whose problems are reported as {@code parent[index].field}. */
    public ParamReader nested(String path) {
        return new ParamReader(path + ".", problems);
    }

    /** A problem about no single field. */
    public void problem(String message) {
        problems.add(Problem.general(message));
    }

    /** A problem about the field {@code fieldName}, named as the message names it (prefix included). */
    public void problem(String fieldName, String message) {
        problems.add(new Problem(fieldName, message));
    }

    public String name(String field) {
        return prefix + field;
    }

    /** Trimmed single-line text, or null when absent or JSON null; a non-scalar is a problem. */
    public String string(JsonNode node, String field, int maxLength) {
        return read(node, field, maxLength, ClientText.Kind.LINE);
    }

    /** Like {@link #string}, for free text that may span lines ({@link ClientText.Kind#TEXT}). */
    public String text(JsonNode node, String field, int maxLength) {
        return read(node, field, maxLength, ClientText.Kind.TEXT);
    }

    /**
     * {@code value} when {@code kind} allows all its characters; otherwise null, with a problem naming
     * {@code fieldName} (already prefixed, e.g. {@code emails_attributes[0].email}).
     */
    public String checked(String fieldName, String value, ClientText.Kind kind) {
        String refusal = ClientText.refusal(value, kind);
        if (refusal == null) {
            return value;
        }
        problem(fieldName, fieldName + " " + refusal);
        return null;
    }

    /** Whether the object key {@code key} of {@code field} is single-line text; a problem when it is not. */
    public boolean keyAllowed(String field, String key) {
        String refusal = ClientText.refusal(key, ClientText.Kind.LINE);
        if (refusal != null) {
            problem(name(field), name(field) + " keys " + refusal);
        }
        return refusal == null;
    }

    private String read(JsonNode node, String field, int maxLength, ClientText.Kind kind) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            problem(name(field), name(field) + " must be a string");
            return null;
        }
        String text = value.asString();
        if (text.length() > maxLength && text.trim().length() > maxLength) {
            problem(name(field), name(field) + " is longer than " + maxLength + " characters");
            return null;
        }
        String allowed = checked(name(field), text, kind);
        return allowed == null ? null : allowed.trim();
    }

    /** Like {@link #string} but absent, null or blank is a problem. */
    public String required(JsonNode node, String field, int maxLength) {
        int before = problems.size();
        String text = string(node, field, maxLength);
        if ((text == null || text.isEmpty()) && problems.size() == before) {
            problem(name(field), name(field) + " is required");
        }
        return text == null || text.isEmpty() ? null : text;
    }

    public Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.isValueNode() ? value.asString().trim().toLowerCase() : "";
        return switch (text) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                problem(name(field), name(field) + " must be true or false");
                yield null;
            }
        };
    }

    /** An object of scalar values, as a string map (single-line keys, free-text values); null when absent. */
    public Map<String, String> stringMap(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problem(name(field), name(field) + " must be an object");
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.properties().forEach(entry -> {
            if (!keyAllowed(field, entry.getKey())) {
                return;
            }
            String entryName = name(field) + "." + entry.getKey();
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                String text = checked(entryName, entry.getValue().asString(), ClientText.Kind.TEXT);
                if (text != null) {
                    map.put(entry.getKey(), text);
                }
            } else {
                problem(entryName, entryName + " must be a string, number or boolean");
            }
        });
        return map;
    }

    /** An array of objects (or an index-keyed object, as form bodies send); empty when absent. */
    public List<JsonNode> objects(JsonNode node, String field) {
        JsonNode value = node.get(field);
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (value.isObject()) {
            value.properties().forEach(entry -> items.add(entry.getValue()));
        } else {
            problem(name(field), name(field) + " must be an array of objects");
            return items;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                problem(name(field), name(field) + "[" + i + "] must be an object");
                return new ArrayList<>();
            }
        }
        return items;
    }

    /** An array of trimmed single-line strings (a refused one is a problem, left out); null when absent. */
    public List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            problem(name(field), name(field) + " must be an array of strings");
            return null;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode() || item.isNull()) {
                problem(name(field), name(field) + " must be an array of strings");
                return null;
            }
            String text = checked(name(field) + "[" + i + "]", item.asString(), ClientText.Kind.LINE);
            if (text != null) {
                items.add(text.trim());
            }
        }
        return items;
    }

    /** Throws the collected problems as one 422, if there are any. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw UsersException.of(ErrorCode.INVALID, problems);
        }
    }
}
