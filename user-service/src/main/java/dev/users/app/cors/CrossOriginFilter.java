package dev.users.app.cors;

import dev.users.app.web.ApiPaths;
import dev.users.app.web.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;

/**
 * Cross-origin requests to both surfaces, with Spring's CORS processing ({@link DefaultCorsProcessor}) under one
 * {@link CorsConfiguration}: a preflight is answered here, before {@code ApiKeyFilter} (a browser sends no
 * credentials with it), and an allowed request goes on with the CORS headers already on its answer, errors
 * included, so that a browser application can read a 401 or a 422. A request from an origin that is not allowed,
 * or a preflight asking for a method or header that is not, gets no CORS headers and a 403 in the error format of
 * the path's surface instead of Spring's plain-text one. Requests without {@code Origin} pass untouched.
 */
public class CrossOriginFilter extends ApiPaths.Filter {

    private final CorsConfiguration policy;
    private final JsonMapper json;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // the body is the surface's error, written by the filter, which knows the path
            response.setStatusCode(HttpStatus.FORBIDDEN);
        }
    };

    public CrossOriginFilter(CorsConfiguration policy, JsonMapper json) {
        this.policy = policy;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean allowed = processor.processRequest(policy, request, response);
        if (!allowed) {
            ErrorBodies.write(response, json, request.getRequestURI(), 403, refusal(request));
            return;
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the policy refuses the request, without repeating what the client sent. */
    private String refusal(HttpServletRequest request) {
        if (policy.checkOrigin(request.getHeader(HttpHeaders.ORIGIN)) == null) {
            return "cross-origin requests from this origin are not allowed";
        }
        String method = CorsUtils.isPreFlightRequest(request)
                ? request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) : request.getMethod();
        if (policy.checkHttpMethod(HttpMethod.valueOf(method)) == null) {
            return "cross-origin requests may use " + String.join(", ", policy.getAllowedMethods()) + " only";
        }
        List<String> headers = policy.getAllowedHeaders() == null ? List.of() : policy.getAllowedHeaders();
        return "cross-origin requests may send these headers only: " + String.join(", ", headers);
    }
}
