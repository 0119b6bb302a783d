package dev.users.app.query;

import dev.users.errors.UsersException;
import dev.users.query.list.FilterSql;
import dev.users.query.list.ListQueryParser;
import dev.users.query.list.SqlFragment;
import dev.users.query.v4.V4UserAttributes;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SQL each kind of filter writes, as plain text and bound parameters: only whitelisted column expressions,
 * every client text (keys included) a parameter, jsonb documents written by Jackson; and the filters that existed
 * before write exactly what they wrote.
 */
class FilterSqlOfEveryKindTest {

    private static final String LOOKUP = "user_id in (select user_id from user_directory_lookup where ";
    private static final UUID ID = UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057");
    private static final String HEX = ID.toString().replace("-", "");

    private final ListQueryParser users = new ListQueryParser(V4UserAttributes.CATALOG);
    private final ListQueryParser accountUsers = new ListQueryParser(V4UserAttributes.ACCOUNT_USERS);

    @Test
    void theFiltersThatExistedBeforeWriteWhatTheyWrote() {
        assertThat(sql(users, "name", "x", "ops", "name:ne").sql()).isEqualTo(" and name is distinct from :f0");
        assertThat(sql(users, "tiny_id", "3", "ops", "tiny_id:lte").sql()).isEqualTo(" and tiny_id <= :f0");
        assertThat(sql(users, "phone", "+1", "ops", "phone:beginsWith").sql()).isEqualTo(" and " + LOOKUP
                + "exists (select 1 from unnest(phone_numbers) as v(x) where lower(x) like :f0 escape '\\'))");
        assertThat(sql(users, "role", "admin", "ops", "role:ne").sql())
                .isEqualTo(" and not (" + LOOKUP + "roles @> array[cast(:f0 as text)]))");
        assertThat(sql(users, "notify_sms", "true").sql()).isEqualTo(" and notify_sms = :f0");
        assertThat(sql(users, "id", "usr_" + HEX).params()).containsEntry("f0", ID);
    }

    @Test
    void betweenIsOneConditionWithTwoParameters() {
        SqlFragment sql = sql(users, "created_at", "2026-06-09T00:00:00-07:00..2026-06-10T00:00:00-07:00",
                "ops", "created_at:between");
        assertThat(sql.sql()).isEqualTo(" and created_at between :f0 and :f0_to");
        assertThat(((OffsetDateTime) sql.params().get("f0")).toInstant()).hasToString("2026-06-09T07:00:00Z");
        assertThat(((OffsetDateTime) sql.params().get("f0_to")).toInstant()).hasToString("2026-06-10T07:00:00Z");
        assertThat(sql(users, "tiny_id", "2..4", "name", "a", "ops", "tiny_id:between").sql())
                .isEqualTo(" and tiny_id between :f0 and :f0_to and name = :f1");
    }

    @Test
    void idsAndTheAccountAreColumnsOfTheRow() {
        assertThat(sql(users, "prefix_id", "usr_" + HEX).sql()).isEqualTo(" and user_id = :f0");
        assertThat(sql(users, "prefix_id", "usr_" + HEX).params()).containsEntry("f0", ID);
        assertThat(sql(accountUsers, "prefix_id", "acu_" + HEX).params()).containsEntry("f0", ID);
        assertThat(sql(users, "account_id", ID.toString(), "ops", "account_id:ne").sql())
                .isEqualTo(" and account_id is distinct from :f0");
        assertThat(refusal(users, "prefix_id", "acu_" + HEX))
                .containsExactly("invalid value for prefix_id: expected usr_ and 32 hex digits");
        assertThat(refusal(users, "prefix_id", ID.toString()))
                .containsExactly("invalid value for prefix_id: expected usr_ and 32 hex digits");
        assertThat(refusal(accountUsers, "prefix_id", "usr_" + HEX))
                .containsExactly("invalid value for prefix_id: expected acu_ and 32 hex digits");
    }

    @Test
    void aliasesOfSetsUseTheLookupsIndexes() {
        String emails = " and " + LOOKUP + "email_addresses @> array[cast(:f0 as text)])";
        assertThat(sql(users, "emails", "A@B.C").sql()).isEqualTo(emails);
        assertThat(sql(users, "emails.email", " A@B.C").params()).containsEntry("f0", "a@b.c");
        assertThat(sql(users, "phones.phone", " 14155552671").params()).containsEntry("f0", "+14155552671");
        assertThat(sql(users, "roles", "admin").sql())
                .isEqualTo(" and " + LOOKUP + "roles @> array[cast(:f0 as text)])");
    }

    @Test
    void fieldsOfEmailsAndPhonesAreJsonbContainmentOfABoundDocument() {
        SqlFragment country = sql(users, "phones.country", " gb ");
        assertThat(country.sql()).isEqualTo(" and phones @> cast(:f0 as jsonb)");
        assertThat(country.params()).containsEntry("f0", "[{\"country\":\"GB\"}]");
        assertThat(sql(users, "phones.blocked", "TRUE", "ops", "phones.blocked:ne").sql())
                .isEqualTo(" and not (phones @> cast(:f0 as jsonb))");
        assertThat(sql(users, "phones.blocked", "TRUE").params()).containsEntry("f0", "[{\"blocked\":true}]");
        assertThat(sql(users, "phones.prefix_id", "phn_" + HEX).params())
                .containsEntry("f0", "[{\"id\":\"" + ID + "\"}]");
        assertThat(sql(users, "emails.id", ID.toString().toUpperCase()).params())
                .containsEntry("f0", "[{\"id\":\"" + ID + "\"}]");
        assertThat(sql(users, "emails.primary", "false").sql()).isEqualTo(" and emails @> cast(:f0 as jsonb)");
        assertThat(sql(users, "phones.country", "\"}],\"x\":[{\"a").params())
                .containsEntry("f0", "[{\"country\":\"\\\"}],\\\"X\\\":[{\\\"A\"}]");
    }

    @Test
    void metaKeysAreBoundNeverWritten() {
        SqlFragment equals = sql(users, "meta.team'); drop table x; --", "Ops");
        assertThat(equals.sql()).isEqualTo(" and meta @> cast(:f0 as jsonb)");
        assertThat(equals.params()).containsEntry("f0", "{\"team'); drop table x; --\":\"Ops\"}");
        SqlFragment like = sql(users, "meta.a.b", "50%", "ops", "meta.a.b:contains");
        assertThat(like.sql()).isEqualTo(" and lower(meta ->> cast(:f0_key as text)) like :f0 escape '\\'");
        assertThat(like.params()).containsEntry("f0_key", "a.b").containsEntry("f0", "%50\\%%");
        assertThat(sql(users, "meta.team", "x", "ops", "meta.team:ne").sql())
                .isEqualTo(" and not (meta @> cast(:f0 as jsonb))");
        assertThat(sql(users, "meta.k:v", "x", "ops", "meta.k:v:beginsWith").params()).containsEntry("f0_key", "k:v");
        assertThat(refusal(users, "meta.team", "x", "ops", "meta.team:lt"))
                .containsExactly("operator lt cannot be used on meta.team");
        assertThat(refusal(users, "meta.", "x")).singleElement().asString().startsWith("unknown filter attribute meta.;");
        assertThat(refusal(users, "meta", "x")).singleElement().asString().contains("meta.<key>");
    }

    @Test
    void accountUsersHaveRoleFlagsTeamsAndTheirUsersAttributes() {
        String holds = LOOKUP + "roles @> array[cast(:f0 as text)])";
        assertThat(sql(accountUsers, "roles.admin", "true").sql()).isEqualTo(" and " + holds);
        assertThat(sql(accountUsers, "roles.admin", "true").params()).containsEntry("f0", "admin");
        assertThat(sql(accountUsers, "roles.admin", "false").sql()).isEqualTo(" and not (" + holds + ")");
        assertThat(sql(accountUsers, "roles.admin", "false", "ops", "roles.admin:ne").sql()).isEqualTo(" and " + holds);
        assertThat(sql(accountUsers, "team_ids", "tm_1").sql()).isEqualTo(" and team_ids @> array[cast(:f0 as text)]");
        assertThat(sql(accountUsers, "team_ids", "TM_", "ops", "team_ids:beginsWith").sql()).isEqualTo(
                " and exists (select 1 from unnest(team_ids) as v(x) where lower(x) like :f0 escape '\\')");
        assertThat(sql(accountUsers, "team_ids", "TM_", "ops", "team_ids:beginsWith").params())
                .containsEntry("f0", "tm\\_%");
        assertThat(sql(accountUsers, "user.name", "Ann").sql()).isEqualTo(" and name = :f0");
        assertThat(sql(accountUsers, "user.prefix_id", "usr_" + HEX).params()).containsEntry("f0", ID);
        assertThat(sql(accountUsers, "user.meta.team", "x").sql()).isEqualTo(" and meta @> cast(:f0 as jsonb)");
        assertThat(sql(accountUsers, "name", "Ann", "sort", "user.name").sql()).isEqualTo(" and name = :f0");
        assertThat(refusal(accountUsers, "roles.admin", "yes"))
                .containsExactly("invalid value for roles.admin: expected true or false");
        assertThat(refusal(users, "roles.admin", "true")).singleElement().asString()
                .startsWith("unknown filter attribute roles.admin");
        assertThat(refusal(users, "team_ids", "x")).singleElement().asString().startsWith("unknown filter attribute");
    }

    private static SqlFragment sql(ListQueryParser parser, String... pairs) {
        return FilterSql.conditions(parser.parse(params(pairs)).filters());
    }

    private static List<String> refusal(ListQueryParser parser, String... pairs) {
        return catchThrowableOfType(UsersException.class, () -> parser.parse(params(pairs))).messages();
    }

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], List.of(pairs[i + 1]));
        }
        return params;
    }
}
