package dev.users.app.erasure;

import dev.users.app.support.ApiTest;
import dev.users.app.support.HeaderHttp;
import dev.users.app.support.Http;
import dev.users.command.domain.User;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** People to erase: a person with every kind of personal value the service stores, and the erasure request. */
abstract class ErasureFixture extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Snapshotter snapshotter;

    protected record Person(Http home, UUID homeId, String homeKey, Http member, UUID id, String prefixId,
                            PersonalValues values, Instant createdAt) {
    }

    protected record Account(UUID id, Http http, String key) {
    }

    protected Account account() {
        UUID id = accounts.create("erasure-" + UUID.randomUUID(), "US");
        String key = apiKeys.issue(id, "test", null, true);
        return new Account(id, new Http(port, key), key);
    }

    /** A person with every kind of personal value the service stores, in a new home account. */
    Person person() {
        Account home = account();
        Account member = account();
        PersonalValues values = PersonalValues.unique();
        HeaderHttp.Answer created = new HeaderHttp(port, home.key()).send("POST", "/api/v4/users",
                Map.of("name", values.name(), "email", values.email(),
                        "phones_attributes", List.of(Map.of("phone", values.phone())),
                        "meta", Map.of("nickname", values.meta())),
                Map.of("Idempotency-Key", "erasure-" + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().path("id").asString());
        String prefixId = created.json().path("prefix_id").asString();
        Http.Response updated = home.http().put("/api/v4/users/" + id,
                Map.of("emails_attributes", List.of(Map.of("email", values.secondEmail()))));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(home.http().post("/api/v4/users/" + id + "/sign_ins", Map.of()).status()).isEqualTo(201);
        Http.Response invited = member.http().post("/api/v4/account_users", Map.of("user_attributes",
                Map.of("name", "Invited", "emails_attributes", List.of(Map.of("email", values.email())))));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(202);
        snapshotter.scheduleSnapshot(User.class, id.toString());
        await().atMost(WAIT).until(() -> count("snapshotevententry where aggregateidentifier = ?", id.toString()) > 0);
        await().atMost(WAIT).until(() -> count("account_memberships where user_id = ?", id) > 0);
        return new Person(home.http(), home.id(), home.key(), member.http(), id, prefixId, values, Instant.now());
    }

    Http.Response erase(Person person) {
        return person.home().post("/api/v4/users/" + person.prefixId() + "/erasure", "");
    }

    long count(String fromWhere, Object... params) {
        return jdbc.queryForObject("select count(*) from " + fromWhere, Long.class, params);
    }

}
