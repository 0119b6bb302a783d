package dev.users.app;

import dev.users.app.support.Http;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With spring.datasource.url set, the service uses that PostgreSQL and starts no embedded one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://localhost:" + ExternalDatabaseTest.PORT + "/postgres",
        "spring.datasource.username=postgres",
        "USERS_BOOTSTRAP_API_KEY=usk_external"})
@ActiveProfiles("test")
@DirtiesContext
class ExternalDatabaseTest {

    static final int PORT = 54329;
    private static final EmbeddedPostgres EXTERNAL = start();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setPort(PORT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the external server with the context (after its processors), not before. */
    @TestConfiguration
    static class StopExternalWithTheContext {
        @Bean
        DisposableBean stopExternalPostgres() {
            return EXTERNAL::close;
        }
    }

    @Test
    void usersAreStoredInTheGivenDatabase() throws Exception {
        Http api = new Http(port, "usk_external");
        var created = api.post("/api/v4/users", Map.of("name", "External", "email", "external@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        try (var connection = EXTERNAL.getPostgresDatabase().getConnection();
             var result = connection.createStatement().executeQuery("select count(*) from user_directory")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(1);
        }
    }
}
