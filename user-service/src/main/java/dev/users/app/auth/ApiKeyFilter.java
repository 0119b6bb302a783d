package dev.users.app.auth;

import dev.users.app.web.ApiPaths;
import dev.users.app.web.ErrorBodies;
import dev.users.app.web.RequestIds;
import dev.users.web.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Authenticates both API surfaces with {@code Authorization: Bearer <key>} or a registered client certificate
 * ({@link Credentials}) and tells the controllers who calls: a {@link Caller} in the request, which they take as a
 * parameter ({@link CallerArgumentResolver}). Everything else (health) is open. A CORS preflight never gets here
 * (the CORS filter answers it first).
 */
@Component
public class ApiKeyFilter extends ApiPaths.Filter {

    private final Credentials credentials;
    private final JsonMapper json;

    public ApiKeyFilter(Credentials credentials, JsonMapper json) {
        this.credentials = credentials;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Credentials.Outcome outcome = credentials.authenticate(request);
        if (outcome.key() == null) {
            ErrorBodies.write(response, json, request.getRequestURI(), 401, outcome.refusal());
            return;
        }
        ApiKey apiKey = outcome.key();
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, new Caller(apiKey.accountId(), apiKey.id(),
                apiKey.defaultRegion(), apiKey.admin(), RequestIds.of(request)));
        chain.doFilter(request, response);
    }
}
