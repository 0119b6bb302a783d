package dev.users.app.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.errors.UsersException.Problem;
import dev.users.errors.VersionMismatch;
import dev.users.web.EntityTags;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * The one place where errors become HTTP answers, for both sides and both surfaces: business codes map to their
 * status, Axon's, Spring's and Tomcat's exceptions to the status a client can act on, and anything unexpected to a
 * logged 500. The answer is JSON whatever the request's {@code Accept} says: an error must never fail to render.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** An HTTP status and the problems behind it (each about one field, or about none). */
    record Failure(int status, List<Problem> problems) {

        Failure(ErrorCode code, String message) {
            this(code.status(), List.of(Problem.general(message)));
        }

        Failure(int status, String message) {
            this(status, List.of(Problem.general(message)));
        }
    }

    /**
     * The client went away (an event stream's consumer disconnecting, mostly): there is no one to answer, and it is
     * no error of the service's, so it is not logged as one.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException exception, HttpServletRequest request) {
        log.debug("Client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), exception.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> handle(Exception exception, HttpServletRequest request) {
        Failure failure = toFailure(exception);
        if (failure == null) {
            log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), exception);
            return answer(request, request.getRequestURI(), new Failure(500, "internal error"));
        }
        ResponseEntity<Map<String, Object>> answer = answer(request, request.getRequestURI(), failure);
        VersionMismatch mismatch = currentVersion(exception);
        return mismatch != null
                ? ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                        .eTag(EntityTags.of(mismatch.currentVersion())).body(answer.getBody())
                : answer;
    }

    /** A 412 names the user's current version in its {@code ETag} too. */
    private static VersionMismatch currentVersion(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof VersionMismatch mismatch) {
                return mismatch;
            }
        }
        return null;
    }

    /**
     * The error body of the surface {@code path} belongs to, always as JSON. A 503 (the database or the read models
     * not available) says when to try again.
     */
    static ResponseEntity<Map<String, Object>> answer(HttpServletRequest request, String path, Failure failure) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(failure.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (failure.status() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        return answer.body(ErrorBodies.forProblems(path, failure.status(), failure.problems(), RequestIds.of(request)));
    }

    /** Looks through wrappers (Axon's execution exceptions, Spring's translations) for a cause we know. */
    static Failure toFailure(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            Failure known = known(t);
            if (known != null) {
                return known;
            }
        }
        return null;
    }

    private static Failure known(Throwable t) {
        if (t instanceof UsersException e) {
            return new Failure(e.code().status(), e.problems());
        }
        if (t instanceof AggregateNotFoundException || t instanceof NoResourceFoundException) {
            return new Failure(ErrorCode.NOT_FOUND, "not found");
        }
        if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException) {
            return new Failure(ErrorCode.CONFLICT, "the user was changed concurrently; retry the request");
        }
        if (DatabaseUnavailable.is(t)) {
            return new Failure(ErrorCode.NOT_READY, "the database is unavailable; retry after "
                    + DatabaseUnavailable.RETRY_AFTER_SECONDS + " s");
        }
        if (t instanceof HttpMessageNotReadableException) {
            return new Failure(ErrorCode.MALFORMED_REQUEST, "malformed request body");
        }
        if (t instanceof HttpMediaTypeNotSupportedException || t instanceof MultipartException) {
            return new Failure(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported content type; send application/json or application/x-www-form-urlencoded");
        }
        if (t instanceof HttpMediaTypeNotAcceptableException) {
            return new Failure(ErrorCode.NOT_ACCEPTABLE, "this API answers application/json (and text/csv where docs/api.md says so)");
        }
        if (t instanceof HttpRequestMethodNotSupportedException e) {
            return new Failure(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here");
        }
        if (t instanceof MethodArgumentTypeMismatchException e) {
            return new Failure(ErrorCode.INVALID.status(),
                    List.of(new Problem(e.getName(), "parameter " + e.getName() + " has an invalid value")));
        }
        if (t instanceof InvalidParameterException e) {
            return new Failure(e.getErrorCode(), parametersProblem(e));
        }
        if (t instanceof ErrorResponse e && e.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
            String detail = e.getBody().getDetail();
            return new Failure(e.getStatusCode().value(), detail != null ? detail
                    : status != null ? status.getReasonPhrase() : "bad request");
        }
        return null;
    }

    /**
     * Tomcat could not read the query string or the form body: too many parameters, a malformed %-escape, bytes
     * that are not UTF-8, or a form body over {@code server.tomcat.max-http-form-post-size}. Its message's first
     * sentence says which; the rest tells an operator how to configure Tomcat, which is no business of a client's.
     */
    private static String parametersProblem(InvalidParameterException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int end = message.indexOf(". ");
        String first = end < 0 ? message : message.substring(0, end + 1);
        return "the request's parameters could not be read" + (first.isBlank() ? "" : ": " + first);
    }
}
