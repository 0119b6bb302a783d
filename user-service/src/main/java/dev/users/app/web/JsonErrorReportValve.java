package dev.users.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on a request that failed with nothing written: what it rejects before the application sees
 * the request (a malformed request line or %-escape in the path, an encoded NUL or '/', headers over
 * {@code server.max-http-request-header-size}, a transfer coding or HTTP version it does not speak) and any error
 * nobody answered. Tomcat's own valve writes an HTML page; this one writes the error body of the request's surface
 * ({@link ErrorBodies}) with the same status, except that Tomcat's 501 and 505 become 400s.
 * Installed by {@link TomcatErrorReports}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNREADABLE = "the request could not be read: a malformed request line, path "
            + "(%-escapes, an encoded NUL or '/') or header, or headers larger than the server accepts";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same guards as Tomcat's valve: only errors, only once, only while nothing is written and I/O works
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String message = switch (status) {
            case 400 -> UNREADABLE;
            case 501 -> "unsupported Transfer-Encoding: send the body as is or chunked";
            case 505 -> "unsupported HTTP version: use HTTP/1.1";
            default -> ErrorPathController.describe(status);
        };
        if (status == 501 || status == 505) {
            // Tomcat's answers to a transfer coding or HTTP version it does not speak: the client's doing, and
            // nothing a client should retry as a server fault, so a 400 (the service never answers 501 or 505 itself)
            status = 400;
            response.setStatus(status);
        }
        // a request Tomcat refused never reached RequestIdFilter: its id is settled here, by the same rule
        String requestId = RequestIds.of(request);
        String body = JSON.writeValueAsString(
                ErrorBodies.forPath(request.getRequestURI(), status, List.of(message), requestId));
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            response.setHeader(RequestIds.HEADER, requestId);
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response cannot be written: nothing left to tell anyone
        }
    }
}
