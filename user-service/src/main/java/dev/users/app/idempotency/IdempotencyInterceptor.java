package dev.users.app.idempotency;

import dev.users.app.idempotency.IdempotencyFilter.Pending;
import dev.users.app.idempotency.IdempotencyKeys.Held;
import dev.users.app.idempotency.IdempotencyKeys.StoredAnswer;
import dev.users.app.web.ErrorBodies;
import dev.users.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides a keyed {@code POST} before its controller runs, once the API key is known (keys are per API key: one
 * key's stored answer is never shown to another): a new key is claimed and the request runs; a retry of a finished
 * request gets its stored answer again with {@code Idempotent-Replayed: true} and runs nothing; a retry while the
 * first is still running is a 409; the same key with another request is a 422; a key that cannot be one is a 400;
 * a key whose answer an erasure emptied is a 410 ({@link IdempotentAnswers}).
 */
final class IdempotencyInterceptor implements HandlerInterceptor {

    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;
    private final JsonMapper json;

    IdempotencyInterceptor(IdempotencyKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!IdempotencyFilter.applies(request)
                || !(request.getAttribute(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller)) {
            return true;
        }
        IdempotencyKey key;
        try {
            key = IdempotencyKey.parse(request.getHeader(IdempotencyKey.HEADER));
        } catch (IdempotencyKey.InvalidKey e) {
            return refuse(request, response, 400, e.getMessage());
        }
        byte[] fingerprint = Fingerprints.of(request);
        UUID claim = UUID.randomUUID();
        // twice: the key may expire, or its first request give it up, between the claim and the look-up
        for (int attempt = 0; attempt < 2; attempt++) {
            if (keys.claim(caller.apiKeyId(), key.value(), fingerprint, claim)) {
                request.setAttribute(Pending.ATTRIBUTE, new Pending(caller.apiKeyId(), key.value(), claim));
                return true;
            }
            Optional<Held> held = keys.find(caller.apiKeyId(), key.value());
            if (held.isPresent()) {
                return answerRetry(request, response, fingerprint, held.get());
            }
        }
        return refuse(request, response, 409, "a request with this Idempotency-Key is still being processed; retry");
    }

    private boolean answerRetry(HttpServletRequest request, HttpServletResponse response, byte[] fingerprint,
                                Held held) throws IOException {
        if (IdempotentAnswers.erased(held)) {
            return refuse(request, response, IdempotentAnswers.ERASED_STATUS, "the person this Idempotency-Key's"
                    + " request was about has been erased; its answer is gone and the request is not run again");
        }
        if (!MessageDigest.isEqual(fingerprint, held.fingerprint())) {
            return refuse(request, response, 422, "this Idempotency-Key was used for another request "
                    + "(other method, path or body); use a new key for a new request");
        }
        if (held.answer() == null) {
            return refuse(request, response, 409, "a request with this Idempotency-Key is still being processed; "
                    + "retry once it has been answered");
        }
        replay(response, held.answer());
        return false;
    }

    private static void replay(HttpServletResponse response, StoredAnswer answer) throws IOException {
        response.setStatus(answer.status());
        response.setHeader(REPLAYED, "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.body() != null) {
            response.getOutputStream().write(answer.body());
        }
    }

    private boolean refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        ErrorBodies.write(response, json, request.getRequestURI(), status, message);
        return false;
    }
}
