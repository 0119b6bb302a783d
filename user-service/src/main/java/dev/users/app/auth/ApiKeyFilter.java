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
import java.util.Set;

/**
 * Authenticates both API surfaces with {@code Authorization: Bearer <key>} or a registered client certificate
 * ({@link Credentials}) and tells the controllers who calls: a {@link Caller} in the request, which they take as a
 * parameter ({@link CallerArgumentResolver}). A read key's request that is no read is refused here (403), so no
 * controller need think of it; every authenticated request takes a token of its key's bucket ({@link RateLimits}),
 * and one over the limit is a 429 before anything else; the admin and operator checks are the controllers'.
 * Everything else (health) is open. A CORS preflight never gets here (the CORS filter answers it first).
 */
@Component
public class ApiKeyFilter extends ApiPaths.Filter {

    /** The methods a read key may use: those that change nothing. */
    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final Credentials credentials;
    private final JsonMapper json;
    private final RateLimits rateLimits;

    public ApiKeyFilter(Credentials credentials, JsonMapper json, RateLimits rateLimits) {
        this.credentials = credentials;
        this.json = json;
        this.rateLimits = rateLimits;
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
        RateLimits.Decision limit = rateLimits.take(apiKey.id());
        RateLimitHeaders.write(response, limit);
        if (!limit.allowed()) {
            response.setHeader("Retry-After", Long.toString(limit.retryAfterSeconds()));
            ErrorBodies.write(response, json, request.getRequestURI(), 429, "rate limit of this API key exceeded ("
                    + limit.limit().burst() + " requests at once, " + limit.limit().perSecond()
                    + " per second): retry after " + limit.retryAfterSeconds() + " s");
            return;
        }
        if (apiKey.scope() == Caller.Scope.READ && !READS.contains(request.getMethod())) {
            ErrorBodies.write(response, json, request.getRequestURI(), 403,
                    "a read API key can only read (GET); " + request.getMethod() + " needs a write or admin key");
            return;
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, new Caller(apiKey.accountId(), apiKey.id(),
                apiKey.defaultRegion(), apiKey.scope(), apiKey.operator(), RequestIds.of(request)));
        chain.doFilter(request, response);
    }
}
