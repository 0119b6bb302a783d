package dev.users.command.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import jakarta.servlet.http.HttpServletRequest;
import dev.users.command.infra.WriteSettings;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
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
 * {@code {"user": {…}}} is unwrapped. An empty body is an empty object; anything that is not an object is a 400, a
 * body of another media type a 415, one larger than {@code users.max-body-size} a 413 (read no further: the
 * service's per-user limits keep every sensible body far below it). Form bodies are bounded by Tomcat's
 * {@code server.tomcat.max-http-form-post-size}, which application.yml sets to the same size.
 */
@Component
public class RequestBodies {

    private final JsonMapper json;
    private final long maxBytes;

    public RequestBodies(JsonMapper json, WriteSettings settings) {
        this.json = json;
        this.maxBytes = settings.maxBodySize().toBytes();
    }

    public ObjectNode read(HttpServletRequest request, String wrapper) {
        MediaType type = contentType(request);
        ObjectNode body = type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)
                ? fromForm(request.getParameterMap()) : fromJson(request, type);
        JsonNode wrapped = body.get(wrapper);
        if (body.size() == 1 && wrapped != null && wrapped.isObject()) {
            return (ObjectNode) wrapped;
        }
        return body;
    }

    /** The request's media type, null when it names none; one that does not parse is a 415. */
    private static MediaType contentType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(type);
        } catch (InvalidMediaTypeException e) {
            throw unsupported();
        }
    }

    private static UsersException unsupported() {
        return new UsersException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "unsupported content type; send application/json or application/x-www-form-urlencoded");
    }

    private ObjectNode fromJson(HttpServletRequest request, MediaType type) {
        if (type != null && !type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.getSubtype().endsWith("+json")) {
            throw unsupported();
        }
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            if (isBlank(bytes)) {
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

    private UsersException tooLarge() {
        return new UsersException(ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + maxBytes + " bytes");
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private ObjectNode fromForm(Map<String, String[]> parameters) {
        ObjectNode root = json.createObjectNode();
        parameters.forEach((key, values) -> RailsParams.put(root, key, values));
        return root;
    }
}
