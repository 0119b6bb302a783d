package dev.users.app.export;

import dev.users.app.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in audit's CSV export streams: the built jar, with README's flags ({@code -Xmx192m}), exports 1,000,000
 * rows. Held in memory they would need several times that heap (the driver's rows alone, before any object of the
 * service's), so completing proves the cursor and the streamed body; the service must still answer afterwards.
 */
class CsvStreamingIT {

    private static final String KEY = "usk_csv_streaming_key";
    private static final int ROWS = 1_000_000;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void aMillionSignInRowsStreamWithinTheReadmesHeap() throws Exception {
        try (ServiceProcess service = ServiceProcess.launch(work.resolve("data"), ServiceProcess.freePort(),
                ServiceProcess.freePort(), KEY, work.resolve("service.log"))) {
            service.awaitReady(Duration.ofSeconds(90));
            insertSignIns(service);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.httpPort()
                            + "/api/v4/sign_ins"))
                    .header("Authorization", "Bearer " + KEY).header("Accept", "text/csv")
                    .timeout(Duration.ofMinutes(5)).build();
            long started = System.nanoTime();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long lines = 0;
            String last = null;
            try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = body.readLine(); line != null; line = body.readLine()) {
                    lines++;
                    last = line;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("CsvStreamingIT: %d rows in %.1f s (%.0f rows/s), peak RSS %s%n", ROWS, seconds,
                    ROWS / seconds, peakRss(service.pid()));
            assertThat(lines).isEqualTo(ROWS + 1L);
            assertThat(last).startsWith("e1,");
            assertThat(service.isAlive()).isTrue();
            assertThat(service.http(KEY).get("/api/v4/sign_ins?limit=1").status()).isEqualTo(200);
            assertThat(service.output()).doesNotContain("OutOfMemoryError");
        }
    }

    private static void insertSignIns(ServiceProcess service) throws Exception {
        try (Connection db = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
             Statement sql = db.createStatement()) {
            String account;
            try (ResultSet rs = sql.executeQuery("select id from accounts limit 1")) {
                assertThat(rs.next()).isTrue();
                account = rs.getString(1);
            }
            sql.execute("insert into sign_in_audit (event_id, user_id, account_id, previous_sign_in_at, signed_in_at,"
                    + " recorded_at, api_key_id) select 'e' || g, gen_random_uuid(), '" + account + "',"
                    + " timestamptz '2025-01-01' + (g - 1) * interval '1 second',"
                    + " timestamptz '2025-01-01' + g * interval '1 second', now(), 'key, \"quoted\"'"
                    + " from generate_series(1, " + ROWS + ") g");
        }
    }

    private static String peakRss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("unknown").replaceAll("\\s+", " ");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
