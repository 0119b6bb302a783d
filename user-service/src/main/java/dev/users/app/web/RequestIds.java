package dev.users.app.web;

import dev.users.web.ClientText;
import jakarta.servlet.http.HttpServletRequest;

import java.util.UUID;

/**
 * Every request's id: the client's {@code X-Request-Id} when it is usable, else a random one. {@link RequestIdFilter}
 * settles it once per request (request attribute, response header, logging MDC); everything after it reads it here.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The request attribute holding the settled id. */
    public static final String ATTRIBUTE = RequestIds.class.getName();
    /** The MDC key, so every log line of the request carries it (a field of its own in JSON logs). */
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    /**
     * The id of this request: the one {@link RequestIdFilter} settled, or, for a request Tomcat refused before any
     * filter ran ({@link JsonErrorReportValve}), one settled now by the same rule.
     */
    public static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String settled) {
            return settled;
        }
        String id = usable(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /**
     * The client's request id, recorded in every event's metadata; a missing one, or one that is too long or holds
     * characters no id may ({@link ClientText}), is replaced by a random one rather than refusing the request.
     */
    static String usable(String given) {
        boolean usable = given != null && !given.isBlank() && given.length() <= 200
                && ClientText.refusal(given, ClientText.Kind.LINE) == null;
        return usable ? given : UUID.randomUUID().toString();
    }
}
