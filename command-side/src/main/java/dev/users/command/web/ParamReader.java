package dev.users.command.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads typed parameters out of a request object, collecting one message per problem instead of stopping at the
 * first, so that a client sees everything wrong with a request at once (422). Accepts the string forms that
 * form-encoded bodies produce ("true", "1", index-keyed objects for arrays).
 */
public final class ParamReader {

    private final String prefix;
    private final List<String> problems;

    public ParamReader() {
        this("", new ArrayList<>());
    }

    private ParamReader(String prefix, List<String> problems) {
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

    public void problem(String message) {
        problems.add(message);
    }

    public String name(String field) {
        return prefix + field;
    }

    /** Trimmed text, or null when absent or JSON null; a non-scalar is a problem. */
    public String string(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            problem(name(field) + " must be a string");
            return null;
        }
        String text = value.asString().trim();
        if (text.length() > maxLength) {
            problem(name(field) + " is longer than " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /** Like {@link #string} but absent, null or blank is a problem. */
    public String required(JsonNode node, String field, int maxLength) {
        int before = problems.size();
        String text = string(node, field, maxLength);
        if ((text == null || text.isEmpty()) && problems.size() == before) {
            problem(name(field) + " is required");
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
                problem(name(field) + " must be true or false");
                yield null;
            }
        };
    }

    /** An object of scalar values, as a string map; null when absent. */
    public Map<String, String> stringMap(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problem(name(field) + " must be an object");
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.properties().forEach(entry -> {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                map.put(entry.getKey(), entry.getValue().asString());
            } else {
                problem(name(field) + "." + entry.getKey() + " must be a string, number or boolean");
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
            problem(name(field) + " must be an array of objects");
            return items;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isObject()) {
                problem(name(field) + "[" + i + "] must be an object");
                return new ArrayList<>();
            }
        }
        return items;
    }

    /** An array of strings; null when absent. */
    public List<String> strings(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            problem(name(field) + " must be an array of strings");
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                problem(name(field) + " must be an array of strings");
                return null;
            }
            items.add(item.asString().trim());
        }
        return items;
    }

    /** Throws the collected problems as one 422, if there are any. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
    }
}
