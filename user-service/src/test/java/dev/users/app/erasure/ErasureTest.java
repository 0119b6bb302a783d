package dev.users.app.erasure;

import dev.users.app.support.HeaderHttp;
import dev.users.app.support.Http;
import dev.users.events.UserSignedIn;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure: a person with every kind of personal value (names, e-mails, a phone, meta, a membership's invitation,
 * a sign-in, an idempotent answer, a snapshot) is erased; afterwards no table of the database holds any of those
 * values in any encoding, the person is gone from every surface, the addresses are free, and history, as_of and the
 * feed keep the events with "[erased]" in the personal fields.
 */
class ErasureTest extends ErasureFixture {

    @Autowired
    EventStore eventStore;

    @Test
    void theStoredEventsHoldNoPlainPersonalValueEvenBeforeTheErasure() {
        Person person = person();
        List<String> events = jdbc.queryForList("select convert_from(payload, 'UTF8') from domainevententry"
                + " where aggregateidentifier = ?", String.class, person.id().toString());
        assertThat(events).hasSizeGreaterThanOrEqualTo(5);
        for (String value : person.values().values()) {
            assertThat(String.join("\n", events)).doesNotContain(value);
        }
        // the values are plain where the service needs them, so the search below would find them
        assertThat(DatabaseText.dump(jdbc)).contains(person.values().email(), person.values().phone());
        // and every surface still shows them decrypted
        JsonNode shown = person.home().get("/api/v4/users/" + person.id()).json();
        assertThat(shown.path("name").asString()).isEqualTo(person.values().name());
        assertThat(shown.path("meta").path("nickname").asString()).isEqualTo(person.values().meta());
        String history = person.home().get("/api/v4/users/" + person.id() + "/history").text();
        assertThat(history).contains(person.values().secondEmail(), person.values().phone());
        String feed = person.home().get("/api/v4/events?limit=1000").text();
        assertThat(feed).contains(person.values().email(), person.values().phone(), person.values().meta())
                .doesNotContain(PersonalDataSerializer.MARK, "\\u0001");
    }

    @Test
    void afterTheErasureNoTableHoldsAnyOfThePersonsValuesInAnyEncoding() {
        Person person = person();
        long events = count("domainevententry where aggregateidentifier = ?", person.id().toString());
        // read once before: the feed keeps what it rendered, and the erasure must make it forget
        assertThat(person.home().get("/api/v4/events?limit=1000").text()).contains(person.values().email());
        Http.Response erased = erase(person);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("id").asString()).isEqualTo(person.prefixId());

        String dump = DatabaseText.dump(jdbc);
        List<String> found = new ArrayList<>();
        for (String encoding : person.values().encodings()) {
            int at = dump.indexOf(encoding);
            if (at >= 0) {
                String table = dump.substring(dump.lastIndexOf("== ", at), dump.indexOf('\n', dump.lastIndexOf("== ", at)));
                found.add(encoding + " in " + table);
            }
        }
        assertThat(found).as("personal values left in the database").isEmpty();
        List<String> tables = DatabaseText.tables(jdbc);
        assertThat(tables).contains("public.user_keys", "public.domainevententry", "public.event_index",
                "public.idempotency_keys", "public.sign_in_audit", "public.snapshotevententry", "public.tokenentry",
                "public.deadletterentry", "public.email_claims", "public.user_directory");
        // the figures of the search, for the record
        System.out.printf("ErasureTest: %d tables, %d rows searched for %d encodings of %d personal values%n",
                tables.size(), dump.lines().filter(line -> !line.startsWith("== ")).count(),
                person.values().encodings().size(), person.values().values().size());
        // the history keeps its events: one more, the erasure
        assertThat(count("domainevententry where aggregateidentifier = ?", person.id().toString()))
                .isEqualTo(events + 1);
        assertThat(count("user_keys where user_id = ? and wrapped_key is null and erased_at is not null",
                person.id())).isEqualTo(1);
    }

    @Test
    void theErasedPersonIsGoneFromEverySurfaceAndTheirAddressesAreFree() {
        Person person = person();
        assertThat(erase(person).status()).isEqualTo(200);
        Http home = person.home();
        for (String path : new String[]{"/api/v4/users/" + person.id(), "/api/v4/users/" + person.prefixId(),
                "/v3/settings/users/" + person.id(), "/api/v4/account_users/acu_" + person.id().toString()
                .replace("-", ""), "/api/v4/users/" + person.id() + "/sign_ins"}) {
            assertThat(home.get(path).status()).as(path).isEqualTo(404);
        }
        for (Http http : List.of(home, person.member())) {
            for (String list : new String[]{"/api/v4/users", "/api/v4/account_users", "/v3/settings/users",
                    "/api/v4/sign_ins", "/api/v4/memberships"}) {
                Http.Response page = http.get(list);
                assertThat(page.status()).as(list + " " + page).isEqualTo(200);
                assertThat(page.text()).as(list).doesNotContain(person.id().toString(),
                        person.id().toString().replace("-", ""), person.values().email());
            }
        }
        assertThat(erase(person).status()).as("erased already").isEqualTo(404);
        assertThat(home.put("/api/v4/users/" + person.id(), Map.of("name", "Back")).status()).isEqualTo(404);

        for (String email : List.of(person.values().email(), person.values().secondEmail())) {
            Http.Response again = home.post("/api/v4/users", Map.of("name", "Someone Else", "email", email));
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
        }
    }

    @Test
    void historyAsOfAndTheFeedKeepTheEventsWithTheFieldsErased() {
        Person person = person();
        Instant before = Instant.now();
        long events = person.home().get("/api/v4/users/" + person.id() + "/history").json().path("total_count")
                .asLong();
        assertThat(erase(person).status()).isEqualTo(200);

        Http.Response history = person.home().get("/api/v4/users/" + person.id() + "/history?limit=100");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().path("total_count").asLong()).isEqualTo(events + 1);
        assertThat(history.text()).contains("[erased]", "dev.users.user_created.v1", "dev.users.user_erased.v1");
        Http.Response past = person.home().get("/api/v4/users/" + person.id() + "?as_of=" + before);
        assertThat(past.status()).as(past.toString()).isEqualTo(200);
        assertThat(past.json().path("name").asString()).isEqualTo("[erased]");
        assertThat(past.json().path("meta").path("nickname").asString()).isEqualTo("[erased]");
        Http.Response v3Past = person.home().get("/v3/settings/users/" + person.id() + "?as_of=" + before);
        assertThat(v3Past.status()).as(v3Past.toString()).isEqualTo(200);
        assertThat(v3Past.text()).contains("[erased]");
        Http.Response feed = person.home().get("/api/v4/events?limit=1000");
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.text()).contains("dev.users.user_erased.v1", "[erased]");
        for (Http.Response response : List.of(history, past, v3Past, feed)) {
            for (String value : person.values().values()) {
                assertThat(response.text()).doesNotContain(value);
            }
        }
    }

    @Test
    void theAuditLogItsCsvAndTheStreamShowTheFieldsErased() throws Exception {
        Person person = person();
        String audit = "/api/v4/audit_log?limit=100&user_id=" + person.prefixId();
        Map<String, String> csv = Map.of("Accept", "text/csv");
        HeaderHttp home = new HeaderHttp(port, person.homeKey());
        assertThat(person.home().get(audit).text()).contains(person.values().meta(), person.values().email());
        assertThat(home.send("GET", audit, null, csv).text()).contains(person.values().phone());
        assertThat(erase(person).status()).isEqualTo(200);

        Http.Response log = person.home().get(audit);
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        assertThat(log.text()).contains("[erased]", "dev.users.user_erased.v1", "dev.users.user_created.v1");
        HeaderHttp.Answer export = home.send("GET", audit, null, csv);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.text()).contains("[erased]", "dev.users.user_erased.v1");
        String stream = streamUntil(person, "dev.users.user_erased.v1");
        assertThat(stream).contains("[erased]", "dev.users.user_created.v1");
        for (String answer : List.of(log.text(), export.text(), stream)) {
            for (String value : person.values().encodings()) {
                assertThat(answer).doesNotContain(value);
            }
            assertThat(answer).doesNotContain(PersonalDataSerializer.MARK, "\\u0001");
        }
    }

    /** The home account's event stream from the start, read until {@code last} has come. */
    private String streamUntil(Person person, String last) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v4/events/stream?after=0&subject=" + person.id()))
                .header("Authorization", "Bearer " + person.homeKey()).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            Instant deadline = Instant.now().plusSeconds(20);
            for (String line = lines.readLine(); line != null && Instant.now().isBefore(deadline);
                 line = lines.readLine()) {
                text.append(line).append('\n');
                if (line.contains(last)) {
                    return text.toString();
                }
            }
        }
        throw new AssertionError("the stream ended or took over 20 s without " + last + ": " + text);
    }

    /**
     * History keeps checkpoints of long streams (UserReplays, the fold after every 256th event) with the person's
     * decrypted fields: the erasure forgets them, so no past state is folded from one.
     */
    @Test
    void aLongHistorysCheckpointsAreForgottenWithThePerson() {
        Person person = person();
        long next = jdbc.queryForObject("select max(sequencenumber) + 1 from domainevententry"
                + " where aggregateidentifier = ?", Long.class, person.id().toString());
        Instant at = Instant.now();
        List<EventMessage<?>> signIns = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            signIns.add(new GenericDomainEventMessage<>("User", person.id().toString(), next + i,
                    new UserSignedIn(person.id(), i == 0 ? null : at.plusMillis(i - 1), at.plusMillis(i))));
        }
        eventStore.publish(signIns);
        String past = "/api/v4/users/" + person.id() + "?as_of_version=" + (next + 290);
        assertThat(person.home().get("/api/v4/users/" + person.id() + "/history?direction=desc&limit=1").status())
                .isEqualTo(200); // a fold of the whole stream, which keeps its checkpoints
        assertThat(person.home().get(past).json().path("name").asString()).isEqualTo(person.values().name());

        assertThat(erase(person).status()).isEqualTo(200);
        Http.Response erased = person.home().get(past);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().path("name").asString()).isEqualTo("[erased]");
        assertThat(person.home().get("/api/v4/audit_log?limit=100&user_id=" + person.id()).text())
                .doesNotContain(person.values().email(), person.values().meta());
    }

    @Test
    void theErasureIsRecordedWithTheCallersKey() {
        Person person = person();
        assertThat(erase(person).status()).isEqualTo(200);
        String keyId = jdbc.queryForObject("select api_key_id from event_index where user_id = ?"
                + " and event_name = 'UserErased'", String.class, person.id());
        assertThat(keyId).isNotNull();
        assertThat(count("api_keys where id = ?::uuid and account_id = ?", keyId, person.homeId())).isEqualTo(1);
    }
}
