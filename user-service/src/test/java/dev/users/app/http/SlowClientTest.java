package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that starts a request and stalls is cut off after {@code server.tomcat.connection-timeout} (10 s): the
 * service closes the connection (in a body: a 408, and the close after as long again), so stalled clients cannot
 * pile up connections. Once in the middle of the headers, once in the middle of a body.
 */
class SlowClientTest extends ApiTest {

    private static final Duration CUT_OFF = Duration.ofSeconds(10);

    @Test
    void aClientStallingInItsHeadersIsCutOff() throws Exception {
        assertCutOff("POST /api/v4/users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + BOOTSTRAP_KEY);
    }

    @Test
    void aClientStallingInItsBodyIsCutOff() throws Exception {
        assertCutOff("POST /api/v4/users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + BOOTSTRAP_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\": \"Sl");
    }

    private void assertCutOff(String partialRequest) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) CUT_OFF.multipliedBy(3).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(partialRequest.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes(); // until the service closes the connection (or the 30 s above)
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).as("time until the connection was closed")
                    .isGreaterThanOrEqualTo(CUT_OFF.minusSeconds(1)).isLessThan(CUT_OFF.multipliedBy(3));
            String text = new String(answer, StandardCharsets.US_ASCII);
            System.out.println("[slow-client] closed after " + waited.toMillis() + " ms, answer: " + text.strip());
            // stalled in the headers: closed without an answer; in the body: 408 (the body's read timed out), then
            // closed once Tomcat has waited as long again for the rest of the body to drain
            assertThat(text).as("the answer, if any").satisfiesAnyOf(
                    shown -> assertThat(shown).isEmpty(), shown -> assertThat(shown).startsWith("HTTP/1.1 408"));
        }
    }
}
