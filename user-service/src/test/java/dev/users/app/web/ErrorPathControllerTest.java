package dev.users.app.web;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code /error} answers for a request the container forwarded there (a filter's exception, a
 * {@code sendError}): the error body of the original request's surface, v3's as IMCO's clients parse it. A
 * forwarded request cannot be made over HTTP on purpose, so the container's forward is played here.
 */
class ErrorPathControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String answer(String originalPath, Integer status, Throwable exception) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.addHeader("X-Request-Id", "req-1");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, originalPath);
        if (status != null) {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        }
        if (exception != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, exception);
        }
        Map<String, Object> body = new ErrorPathController().error(request).getBody();
        return JSON.writeValueAsString(body);
    }

    @Test
    void aForwardedV3ErrorIsASingleErrorString() {
        assertThat(answer("/v3/settings/users", 500, new IllegalStateException("boom")))
                .isEqualTo("{\"error\":\"internal error\"}");
        assertThat(answer("/v3/settings/users", 400, null)).isEqualTo("{\"error\":\"bad request\"}");
        assertThat(answer("/v3/settings/roles", 403, null)).isEqualTo("{\"error\":\"forbidden\"}");
    }

    @Test
    void aForwardedV3ValidationErrorIsKeyedByField() {
        UsersException invalid = UsersException.of(ErrorCode.INVALID, List.of(
                new UsersException.Problem("first_name", "first_name is required"),
                UsersException.Problem.general("a user can have at most 50 roles")));
        assertThat(answer("/v3/settings/users", 500, new RuntimeException(invalid))).isEqualTo(
                "{\"errors\":{\"first_name\":[\"is required\"],\"base\":[\"a user can have at most 50 roles\"]}}");
    }

    @Test
    void aForwardedV4ErrorKeepsPagerTreesShape() {
        assertThat(answer("/api/v4/users", 500, null))
                .isEqualTo("{\"errors\":[{\"message\":\"internal error\"}],\"code\":500,\"request_id\":\"req-1\"}");
    }
}
