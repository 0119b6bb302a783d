package dev.users.app.idempotency;

import dev.users.app.web.ApiPaths;
import dev.users.app.web.ErrorBodies;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Around a keyed {@code POST}: keeps its body (to fingerprint it) and its answer (to store it). Whether the key is
 * new, a replay, a conflict or in flight is decided by {@link IdempotencyInterceptor}, once the API key is known;
 * this filter then stores the answer the request got, or gives the key up when a retry should run again (a 5xx,
 * a 409 or 429, which are about the moment rather than the request, or an error body Tomcat wrote itself).
 */
final class IdempotencyFilter extends ApiPaths.Filter {

    private final IdempotencyKeys keys;
    private final JsonMapper json;
    private final long maxBodyBytes;

    IdempotencyFilter(IdempotencyKeys keys, JsonMapper json, long maxBodyBytes) {
        this.keys = keys;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The request the interceptor let through with a claimed key. */
    record Pending(UUID apiKeyId, String key, UUID claim) {
        static final String ATTRIBUTE = Pending.class.getName();
    }

    /** A client's keyed POST (not the error page Tomcat forwards a failed one to). */
    static boolean applies(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.REQUEST && "POST".equals(request.getMethod())
                && request.getHeader(IdempotencyKey.HEADER) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!applies(request)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest kept = request;
        if (!Fingerprints.isForm(request)) {
            byte[] body = readBody(request);
            if (body == null) {
                ErrorBodies.write(response, json, request.getRequestURI(), 413,
                        "the request body is larger than " + maxBodyBytes + " bytes");
                return;
            }
            kept = new CachedBodyRequest(request, body);
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(kept, answer);
        } catch (IOException | ServletException | RuntimeException e) {
            if (kept.getAttribute(Pending.ATTRIBUTE) instanceof Pending pending) {
                keys.release(pending.apiKeyId(), pending.key(), pending.claim());
            }
            throw e;
        }
        if (kept.getAttribute(Pending.ATTRIBUTE) instanceof Pending pending) {
            finish(pending, answer);
        }
        answer.copyBodyToResponse();
    }

    private void finish(Pending pending, ContentCachingResponseWrapper answer) {
        int status = answer.getStatus();
        byte[] body = answer.getContentAsByteArray();
        boolean repeatable = status >= 500 || status == 409 || status == 429 || (status >= 400 && body.length == 0);
        if (repeatable) {
            keys.release(pending.apiKeyId(), pending.key(), pending.claim());
            return;
        }
        keys.complete(pending.apiKeyId(), pending.key(), pending.claim(), new IdempotencyKeys.StoredAnswer(status,
                answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION), answer.getHeader(HttpHeaders.ETAG),
                body));
    }

    /** The body, or null when it is larger than {@code users.max-body-size} (read no further). */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            return bytes.length > maxBodyBytes ? null : bytes;
        }
    }
}
