package dev.users.app.query;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.list.FilterSql;
import dev.users.query.list.ListQuery;
import dev.users.query.list.ListQueryParser;
import dev.users.query.list.Operator;
import dev.users.query.list.PageRequest;
import dev.users.query.list.SqlFragment;
import dev.users.query.v4.V4UserAttributes;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The list-query building blocks as plain objects: parameters → checked model → SQL text and parameters. */
class ListQueryParserTest {

    private final ListQueryParser parser = new ListQueryParser(V4UserAttributes.CATALOG);

    @Test
    void qIsAStrippedSearchNotAFilter() {
        ListQuery query = parser.parse(params("q", "  Bobby ", "name", "x"));
        assertThat(query.search()).isEqualTo("Bobby");
        assertThat(query.filters()).hasSize(1);
        assertThat(parser.parse(params("q", " ")).search()).isNull();
        assertThat(parser.parse(Map.of()).search()).isNull();
    }

    @Test
    void defaultsToTenUsersByTinyIdAscending() {
        ListQuery query = parser.parse(Map.of());
        assertThat(query.page()).isEqualTo(new PageRequest(10, 0));
        assertThat(query.filters()).isEmpty();
        assertThat(FilterSql.orderBy(query.sort(), "user_id")).isEqualTo(" order by tiny_id asc, user_id asc");
    }

    @Test
    void offsetWinsOverPageAndPageCountsInLimits() {
        assertThat(parser.parse(params("limit", "20", "page", "3")).page()).isEqualTo(new PageRequest(20, 40));
        assertThat(parser.parse(params("limit", "20", "page", "3", "offset", "5")).page())
                .isEqualTo(new PageRequest(20, 5));
    }

    @Test
    void valuesBecomeTypedParametersAndNeverSqlText() {
        ListQuery query = parser.parse(params("created_at", "2024-01-01T00:00:00Z", "name", "x' or '1'='1",
                "ops", "created_at:gte, name:contains"));
        SqlFragment sql = FilterSql.conditions(query.filters());

        assertThat(sql.sql()).isEqualTo(" and created_at >= :f0 and lower(name) like :f1 escape '\\'");
        assertThat(sql.params().get("f0")).isInstanceOf(OffsetDateTime.class);
        assertThat(sql.params().get("f1")).isEqualTo("%x' or '1'='1%");
        assertThat(query.filters().get(1).operator()).isEqualTo(Operator.CONTAINS);
    }

    @Test
    void likeWildcardsInValuesMatchLiterally() {
        SqlFragment sql = FilterSql.conditions(parser.parse(params("name", "50%_Off\\", "ops", "name:beginsWith"))
                .filters());
        assertThat(sql.params().get("f0")).isEqualTo("50\\%\\_off\\\\%");
    }

    @Test
    void setAttributesMatchAnyElement() {
        SqlFragment sql = FilterSql.conditions(parser.parse(params("email", " Bob@Example.COM", "role", "admin",
                "ops", "role:ne")).filters());
        String lookup = "user_id in (select user_id from user_directory_lookup where ";
        assertThat(sql.sql()).isEqualTo(" and " + lookup + "email_addresses @> array[cast(:f0 as text)])"
                + " and not (" + lookup + "roles @> array[cast(:f1 as text)]))");
        assertThat(sql.params().get("f0")).isEqualTo("bob@example.com");
    }

    @Test
    void attributeNamesOutsideTheWhitelistAreRejectedWithEveryOtherProblem() {
        UsersException problem = catchThrowableOfType(UsersException.class, () -> parser.parse(params(
                "name; drop table user_directory", "x", "sort", "name desc", "direction", "sideways", "limit", "0")));
        assertThat(problem.code()).isEqualTo(ErrorCode.INVALID);
        assertThat(problem.messages()).hasSize(4);
        assertThat(problem.messages().get(1)).startsWith("unknown filter attribute name; drop table");
    }

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], List.of(pairs[i + 1]));
        }
        return params;
    }
}
