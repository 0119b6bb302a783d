package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.UserEvent;
import dev.users.events.UserSignedIn;
import dev.users.query.history.AuditLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's {@code total_count}: exact below {@link AuditLog#COUNT_LIMIT}, growing with each new event (a count
 * under the limit is never remembered), and the limit itself once a filter matches that many, on every read after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogCountTest extends QueryTest {

    private final String busyKey = UUID.randomUUID().toString();
    private final String quietKey = UUID.randomUUID().toString();
    private final UUID busy = UUID.randomUUID();
    private final UUID quiet = UUID.randomUUID();
    private Http http;

    @BeforeAll
    void events() {
        Account account = newAccount();
        http = account.http();
        UserHistory stream = history(busy);
        stream.appendAt(BASE, busyKey, created(busy, account.id(), 1, "Busy", BASE));
        List<UserEvent> signIns = new ArrayList<>();
        for (int s = 1; s <= AuditLog.COUNT_LIMIT + 50; s++) {
            signIns.add(new UserSignedIn(busy, at(s - 1), at(s)));
        }
        stream.appendAll(at(1), busyKey, signIns);
        history(quiet).appendAt(BASE, quietKey, created(quiet, account.id(), 2, "Quiet", BASE));
    }

    @Test
    void aFilterAtTheLimitCountsTheLimitOnEveryRead() {
        for (int read = 0; read < 2; read++) {
            JsonNode page = ok("/api/v4/audit_log?api_key_id=" + busyKey + "&limit=5");
            assertThat(page.path("total_count").asLong()).isEqualTo(AuditLog.COUNT_LIMIT);
            assertThat(page.path("has_more").asBoolean()).isTrue();
            assertThat(page.path("data").get(0).path("sequence").asLong()).isEqualTo(AuditLog.COUNT_LIMIT + 50);
        }
        JsonNode last = ok("/api/v4/audit_log?api_key_id=" + busyKey + "&limit=100&offset=" + AuditLog.COUNT_LIMIT);
        assertThat(last.path("data").size()).isEqualTo(51);
        assertThat(last.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void aCountUnderTheLimitGrowsWithEachEvent() {
        UserHistory stream = history(quiet, 0);
        for (int added = 0; added < 3; added++) {
            assertThat(ok("/api/v4/audit_log?api_key_id=" + quietKey).path("total_count").asLong())
                    .isEqualTo(1 + added);
            stream.appendAt(at(added + 1), quietKey, new UserSignedIn(quiet, null, at(added + 1)));
        }
    }

    private static Instant at(long second) {
        return BASE.plusSeconds(second);
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " " + response.text()).isEqualTo(200);
        return response.json();
    }
}
