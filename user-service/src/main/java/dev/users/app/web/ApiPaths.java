package dev.users.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/** Which requests belong to the two API surfaces (everything else, the health endpoint, is neither). */
public final class ApiPaths {

    private ApiPaths() {
    }

    /** A request to v4 ({@code /api/…}) or v3 ({@code /v3/…}): authenticated, CORS-enabled. */
    public static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || isV3(path));
    }

    /** A request to IMCO's v3 surface, whose errors have their own shape ({@link ErrorBodies}). */
    public static boolean isV3(String path) {
        return path != null && path.startsWith("/v3/");
    }

    /** A filter of the API surfaces' requests only. */
    public abstract static class Filter extends OncePerRequestFilter {

        @Override
        protected final boolean shouldNotFilter(HttpServletRequest request) {
            return !isApi(request.getRequestURI());
        }
    }
}
