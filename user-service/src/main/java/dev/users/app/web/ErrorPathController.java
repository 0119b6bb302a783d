package dev.users.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Map;

/**
 * Spring Boot's {@code /error}: where the container forwards what failed outside the controllers (a filter's
 * exception, {@code sendError} from the servlet container, an error handler that itself failed). It answers in the
 * error format of the surface the original request was for, as {@link ApiExceptionHandler} does, instead of
 * Boot's {@code {timestamp, status, error, path}} or its HTML page.
 */
@RestController
public class ErrorPathController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String original ? original : request.getRequestURI();
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ApiExceptionHandler.Failure failure = exception instanceof Throwable t ? ApiExceptionHandler.toFailure(t) : null;
        if (failure != null) {
            return ApiExceptionHandler.answer(request, path, failure);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not forwarded by the container: there is nothing at this path
            return ApiExceptionHandler.answer(request, path, new ApiExceptionHandler.Failure(404, "not found"));
        }
        int status = code instanceof Integer given && given >= 400 ? given : 500;
        return ApiExceptionHandler.answer(request, path, new ApiExceptionHandler.Failure(status, describe(status)));
    }

    /** The status's reason, lower-case like the service's other messages; a 5xx says no more than that. */
    static String describe(int status) {
        if (status >= 500) {
            return "internal error";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "bad request" : known.getReasonPhrase().toLowerCase(Locale.ROOT);
    }
}
