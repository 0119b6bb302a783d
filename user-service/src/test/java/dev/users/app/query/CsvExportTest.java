package dev.users.app.query;

import dev.users.app.support.HeaderHttp;
import dev.users.app.support.HeaderHttp.Answer;
import dev.users.events.UserRenamed;
import dev.users.query.list.SqlValues;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Accept: text/csv} on both sign-in audit endpoints and the audit log: RFC 4180 quoting of hostile values,
 * formula cells defused, the same rows and filters as JSON, errors still JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvExportTest extends QueryTest {

    private static final Map<String, String> CSV = Map.of("Accept", "text/csv");
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3",
            "@SUM(A1)", "\tTAB", "a,b", "say \"hi\"", "line\nbreak", "crlf\r\nend", "plain");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");

    private final UUID alice = UUID.randomUUID();
    private UUID account;
    private HeaderHttp http;
    private HeaderHttp other;

    @BeforeAll
    void data() {
        Account a = newAccount();
        account = a.id();
        http = new HeaderHttp(port, keyOf(a));
        other = new HeaderHttp(port, keyOf(newAccount()));
        UserHistory history = history(alice);
        history.appendAt(T0, created(alice, account, 1, "=cmd|' /C calc'!A0", T0));
        history.appendAt(T0.plusSeconds(60), "=1+2", new UserRenamed(alice, "Alice, \"the\" first", null, null));
        awaitVersion(alice, history.version());
        for (int i = 0; i < HOSTILE.size(); i++) {
            jdbc.sql("insert into sign_in_audit (event_id, user_id, account_id, previous_sign_in_at, signed_in_at,"
                            + " recorded_at, api_key_id) values (?, ?, ?, null, ?, ?, ?)")
                    .params("e" + i, alice, account, SqlValues.timestamp(T0.plusSeconds(i)),
                            SqlValues.timestamp(T0.plusSeconds(i)), HOSTILE.get(i)).update();
        }
    }

    @Test
    void theAccountsSignInsAsCsvQuotedAndDefused() throws IOException {
        Answer answer = http.get("/api/v4/sign_ins", CSV);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/csv");
        assertThat(answer.header("Content-Disposition")).isEqualTo("attachment; filename=\"sign_ins.csv\"");
        assertThat(answer.text()).startsWith("id,user_id,previous_sign_in_at,signed_in_at,recorded_at,api_key_id\r\n");
        List<CSVRecord> rows = parse(answer.text());
        assertThat(rows).hasSize(HOSTILE.size() + 1);
        assertThat(rows.get(0).values()).containsExactly("id", "user_id", "previous_sign_in_at", "signed_in_at",
                "recorded_at", "api_key_id");
        // newest first: the last inserted row comes first
        assertThat(rows.stream().skip(1).map(row -> row.get(5)).toList()).containsExactly("plain",
                "crlf\r\nend", "line\nbreak", "say \"hi\"", "a,b", "'\tTAB", "'@SUM(A1)", "'-2+3", "'+1+1",
                "'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(rows.get(1).get(0)).isEqualTo("e9");
        assertThat(rows.get(1).get(1)).isEqualTo(alice.toString());
        assertThat(rows.get(1).get(2)).isEmpty();
        assertThat(rows.get(1).get(3)).isEqualTo("2025-03-01T10:00:09.123Z");
        assertThat(answer.text()).contains("\"say \"\"hi\"\"\"").contains("\"a,b\"");
    }

    @Test
    void aUsersSignInsAsCsvWithTheRangeOfJson() throws IOException {
        String path = "/api/v4/users/" + alice + "/sign_ins?from=2025-03-01T10:00:02Z&to=2025-03-01T10:00:05Z";
        Answer answer = http.get(path, CSV);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<CSVRecord> rows = parse(answer.text());
        JsonNode json = http.get(path, Map.of()).json();
        List<String> ids = new java.util.ArrayList<>();
        json.path("data").forEach(entry -> ids.add(entry.path("id").asString()));
        assertThat(rows.stream().skip(1).map(row -> row.get(0)).toList())
                .containsExactly("e4", "e3", "e2")
                .containsExactlyElementsOf(ids);
        assertThat(other.get("/api/v4/users/" + alice + "/sign_ins", CSV).status()).isEqualTo(404);
        Answer none = other.get("/api/v4/sign_ins", CSV);
        assertThat(parse(none.text())).hasSize(1);
    }

    @Test
    void theAuditLogAsCsv() throws IOException {
        Answer answer = http.get("/api/v4/audit_log", CSV);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<CSVRecord> rows = parse(answer.text());
        assertThat(rows.get(0).values()).containsExactly("occurred_at", "position", "user_id", "sequence", "type",
                "api_key_id", "request_id", "correlation_id", "causation_id", "data");
        assertThat(rows).hasSize(3);
        CSVRecord renamed = rows.get(1);
        assertThat(renamed.get(0)).isEqualTo("2025-03-01T10:01:00.123Z");
        assertThat(renamed.get(4)).isEqualTo("dev.users.user_renamed.v1");
        assertThat(renamed.get(2)).isEqualTo(alice.toString());
        assertThat(renamed.get(3)).isEqualTo("1");
        assertThat(renamed.get(5)).isEqualTo("'=1+2");
        JsonNode data = JsonMapper.builder().build().readTree(renamed.get(9));
        assertThat(data.path("name").asString()).isEqualTo("Alice, \"the\" first");
        JsonNode created = JsonMapper.builder().build().readTree(rows.get(2).get(9));
        assertThat(created.path("name").asString()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(parse(http.get("/api/v4/audit_log?type=dev.users.user_created.v1", CSV).text())).hasSize(2);
        assertThat(parse(other.get("/api/v4/audit_log", CSV).text())).hasSize(1);
    }

    @Test
    void badParametersAreJson422sAndUnknownUsers404s() {
        for (String path : List.of("/api/v4/sign_ins?from=nope", "/api/v4/users/" + alice + "/sign_ins?to=2025-13-01",
                "/api/v4/audit_log?api_key_id=x", "/api/v4/audit_log?limit=0")) {
            Answer answer = http.get(path, CSV);
            assertThat(answer.status()).as(path).isEqualTo(422);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(answer.json().path("code").asInt()).isEqualTo(422);
        }
        assertThat(http.get("/api/v4/users/" + UUID.randomUUID() + "/sign_ins", CSV).status()).isEqualTo(404);
        assertThat(http.get("/api/v4/audit_log?user_id=" + UUID.randomUUID(), CSV).status()).isEqualTo(404);
        assertThat(http.get("/api/v4/audit_log", Map.of("Accept", "text/html")).status()).isEqualTo(406);
        assertThat(http.get("/api/v4/audit_log", Map.of("Accept", "*/*")).header("Content-Type"))
                .startsWith("application/json");
    }

    private String keyOf(Account account) {
        return apiKeys.issue(account.id(), "csv", null, true);
    }

    private static List<CSVRecord> parse(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }
}
