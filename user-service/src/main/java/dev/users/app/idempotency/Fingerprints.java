package dev.users.app.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.util.WebUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two requests "the same" for a key: method, path, query, content type and body. A form body is taken
 * as its parameters in name order (Tomcat reads it itself, so its bytes are not ours to keep); any other body as
 * its bytes, exactly.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    static byte[] of(HttpServletRequest request) {
        MessageDigest digest = sha256();
        for (String part : new String[] {request.getMethod(), request.getRequestURI(), request.getQueryString(),
                request.getContentType()}) {
            update(digest, part);
        }
        CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (cached != null) {
            digest.update(cached.body());
        } else {
            for (Map.Entry<String, String[]> parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
                update(digest, parameter.getKey());
                for (String value : parameter.getValue()) {
                    update(digest, value);
                }
            }
        }
        return digest.digest();
    }

    /** Whether the body is a form, which the filter leaves to Tomcat. */
    static boolean isForm(HttpServletRequest request) {
        try {
            return request.getContentType() != null && MediaType.APPLICATION_FORM_URLENCODED
                    .includes(MediaType.parseMediaType(request.getContentType()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Each part with its length first, so that ("ab","c") and ("a","bc") differ. */
    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(part == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
