package dev.users.command.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a write request's body as a JSON object, whether it came as JSON or form-encoded with Rails' bracket
 * notation ({@code emails_attributes[0][email]=…}), as PagerTree's clients send both. A body wrapped Rails-style in
 * {@code {"user": {…}}} is unwrapped. An empty body is an empty object; anything that is not an object is a 400.
 */
@Component
public class RequestBodies {

    private final JsonMapper json;

    public RequestBodies(JsonMapper json) {
        this.json = json;
    }

    public ObjectNode read(HttpServletRequest request, String wrapper) {
        ObjectNode body = isForm(request) ? fromForm(request.getParameterMap()) : fromJson(request);
        JsonNode wrapped = body.get(wrapper);
        if (body.size() == 1 && wrapped != null && wrapped.isObject()) {
            return (ObjectNode) wrapped;
        }
        return body;
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type));
    }

    private ObjectNode fromJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && !isJson(type)) {
            throw new UsersException(ErrorCode.MALFORMED_REQUEST,
                    "unsupported content type " + type + "; send application/json or application/x-www-form-urlencoded");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            if (new String(bytes).isBlank()) {
                return json.createObjectNode();
            }
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new UsersException(ErrorCode.MALFORMED_REQUEST, "the request body must be a JSON object");
            }
            return (ObjectNode) node;
        } catch (JacksonException e) {
            throw new UsersException(ErrorCode.MALFORMED_REQUEST, "malformed JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsersException(ErrorCode.MALFORMED_REQUEST, "unreadable request body");
        }
    }

    private static boolean isJson(String type) {
        try {
            MediaType mediaType = MediaType.parseMediaType(type);
            return mediaType.isCompatibleWith(MediaType.APPLICATION_JSON) || mediaType.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ObjectNode fromForm(Map<String, String[]> parameters) {
        ObjectNode root = json.createObjectNode();
        parameters.forEach((key, values) -> RailsParams.put(root, key, values));
        return root;
    }
}
