package dev.users.app.support;

import dev.users.app.auth.Accounts;
import dev.users.app.auth.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Base of the HTTP tests: the whole service on a random port over a real embedded PostgreSQL. All subclasses share
 * one application context (same configuration), so PostgreSQL starts once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "USERS_BOOTSTRAP_API_KEY=" + ApiTest.BOOTSTRAP_KEY)
@ActiveProfiles("test")
public abstract class ApiTest {

    public static final String BOOTSTRAP_KEY = "usk_test_bootstrap_key";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Accounts accounts;

    @Autowired
    protected ApiKeys apiKeys;

    /**
     * Every test talks to a ready service: readiness (and so the overall health) waits for the read models' processor
     * to catch up once after the start, a moment after the context is up.
     */
    @BeforeEach
    void awaitReadiness() {
        Http anonymous = new Http(port, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
    }

    /** A client authenticated as the bootstrap account. */
    protected Http api() {
        return new Http(port, BOOTSTRAP_KEY);
    }

    /** An admin client of a brand-new account, to check that accounts never see each other's users. */
    protected Http otherAccount() {
        UUID account = accounts.create("other-" + UUID.randomUUID(), "US");
        return new Http(port, apiKeys.issue(account, "test", null, true));
    }

    /** A client of the bootstrap account whose key is not an admin key. */
    protected Http nonAdmin() {
        UUID account = accounts.first().orElseThrow();
        return new Http(port, apiKeys.issue(account, "non-admin", null, false));
    }

    /** An email address no other test uses. */
    protected static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
