package dev.users.command.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Rails' nested parameter names: {@code a[b][c]=v} sets {@code {"a":{"b":{"c":"v"}}}} and {@code a[]=v} appends to
 * an array. Index keys ({@code emails_attributes[0][email]}) stay object keys, which the params readers accept in
 * place of arrays, as Rails does for nested attributes.
 */
final class RailsParams {

    private RailsParams() {
    }

    static void put(ObjectNode root, String name, String[] values) {
        List<String> path = segments(name);
        ObjectNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String segment = path.get(i);
            JsonNode child = parent.get(segment);
            if (child == null) {
                child = parent.putObject(segment);
            }
            if (!child.isObject()) {
                throw new UsersException(ErrorCode.MALFORMED_REQUEST, "conflicting form parameter " + name);
            }
            parent = (ObjectNode) child;
        }
        String last = path.get(path.size() - 1);
        if (last.isEmpty()) {
            throw new UsersException(ErrorCode.MALFORMED_REQUEST, "form parameter " + name + " has an empty name");
        }
        if (name.endsWith("[]")) {
            ArrayNode array = parent.putArray(last);
            for (String value : values) {
                array.add(value);
            }
        } else {
            parent.put(last, values.length == 0 ? "" : values[values.length - 1]);
        }
    }

    private static List<String> segments(String name) {
        String base = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
        List<String> segments = new ArrayList<>();
        int open = base.indexOf('[');
        if (open < 0) {
            segments.add(base);
            return segments;
        }
        segments.add(base.substring(0, open));
        while (open >= 0) {
            int close = base.indexOf(']', open);
            if (close < 0) {
                throw new UsersException(ErrorCode.MALFORMED_REQUEST, "form parameter " + name + " has an unclosed [");
            }
            segments.add(base.substring(open + 1, close));
            open = base.indexOf('[', close);
        }
        return segments;
    }
}
