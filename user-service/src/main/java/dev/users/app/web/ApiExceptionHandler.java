package dev.users.app.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * The one place where errors become HTTP answers, for both sides and both surfaces: business codes map to their
 * status, Axon's and Spring's exceptions to the status a client can act on, and anything unexpected to a logged 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> handle(Exception exception, HttpServletRequest request) {
        UsersException problem = toProblem(exception);
        if (problem == null) {
            log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), exception);
            return answer(request, 500, List.of("internal error"));
        }
        return answer(request, problem.code().status(), problem.messages());
    }

    static ResponseEntity<Map<String, Object>> answer(HttpServletRequest request, int status, List<String> messages) {
        return ResponseEntity.status(status).body(ErrorBodies.forPath(request.getRequestURI(), status, messages));
    }

    /** Looks through wrappers (Axon's execution exceptions, Spring's translations) for a cause we know. */
    static UsersException toProblem(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            UsersException known = known(t);
            if (known != null) {
                return known;
            }
        }
        return null;
    }

    private static UsersException known(Throwable t) {
        if (t instanceof UsersException e) {
            return e;
        }
        if (t instanceof AggregateNotFoundException || t instanceof NoResourceFoundException) {
            return new UsersException(ErrorCode.NOT_FOUND, "not found");
        }
        if (t instanceof ConcurrencyException || t instanceof DuplicateKeyException) {
            return new UsersException(ErrorCode.CONFLICT, "the user was changed concurrently; retry the request");
        }
        if (t instanceof HttpMessageNotReadableException) {
            return new UsersException(ErrorCode.MALFORMED_REQUEST, "malformed request body");
        }
        if (t instanceof HttpMediaTypeNotSupportedException e) {
            return new UsersException(ErrorCode.MALFORMED_REQUEST,
                    "unsupported content type " + e.getContentType() + "; send application/json or form data");
        }
        if (t instanceof HttpRequestMethodNotSupportedException e) {
            return new UsersException(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here");
        }
        if (t instanceof MethodArgumentTypeMismatchException e) {
            return new UsersException(ErrorCode.INVALID, "parameter " + e.getName() + " has an invalid value");
        }
        return null;
    }
}
