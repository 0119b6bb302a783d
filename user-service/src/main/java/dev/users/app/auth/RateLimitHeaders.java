package dev.users.app.auth;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers of the IETF draft "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers, the
 * structured-field form): {@code RateLimit-Policy: "per-key";q=<burst>;w=<seconds an empty bucket takes to fill>}
 * and {@code RateLimit: "per-key";r=<requests left>;t=<seconds until the bucket is full again>}.
 */
final class RateLimitHeaders {

    static final String POLICY = "\"per-key\"";

    private RateLimitHeaders() {
    }

    static void write(HttpServletResponse response, RateLimits.Decision decision) {
        response.setHeader("RateLimit-Policy", POLICY + ";q=" + decision.limit().burst() + ";w="
                + decision.limit().windowSeconds());
        response.setHeader("RateLimit", POLICY + ";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
    }
}
