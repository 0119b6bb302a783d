package dev.users.app.property;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.list.FilterSql;
import dev.users.query.list.ListQuery;
import dev.users.query.list.ListQueryParser;
import dev.users.query.list.Range;
import dev.users.query.list.SqlFragment;
import dev.users.query.v4.V4UserAttributes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code between} values through the real parser and catalog: {@code from..to} with {@code from <= to} is a range
 * with both ends, bound as two typed parameters of {@code column between … and …}; {@code from > to} is one 422
 * message naming the parameter; and any other text is a range or a 422 naming the parameter, never another failure.
 */
class RangeFilterPropertyTest {

    private final ListQueryParser parser = new ListQueryParser(V4UserAttributes.CATALOG);

    @Property(tries = 500)
    void wholeNumbersInEitherOrder(@ForAll long from, @ForAll long to) {
        Map<String, List<String>> params = Map.of("tiny_id", List.of(from + ".." + to), "ops",
                List.of("tiny_id:between"));
        if (from <= to) {
            SqlFragment sql = FilterSql.conditions(parser.parse(params).filters());
            assertThat(sql.sql()).isEqualTo(" and tiny_id between :f0 and :f0_to");
            assertThat(sql.params()).containsExactlyInAnyOrderEntriesOf(Map.of("f0", from, "f0_to", to));
        } else {
            assertThat(problems(params)).containsExactly("tiny_id with between must not end before it starts");
        }
    }

    @Property(tries = 500)
    void timestampsInAnyFormAndOffset(@ForAll("instants") Instant from, @ForAll("instants") Instant to,
                                      @ForAll("offsets") ZoneOffset fromOffset, @ForAll("offsets") ZoneOffset toOffset,
                                      @ForAll boolean unencodedPlus) {
        String value = written(from, fromOffset, unencodedPlus) + ".." + written(to, toOffset, unencodedPlus);
        Map<String, List<String>> params = Map.of("created_at", List.of(value), "ops", List.of("created_at:between"));
        if (!from.isAfter(to)) {
            ListQuery query = parser.parse(params);
            Range range = (Range) query.filters().get(0).value();
            assertThat(((OffsetDateTime) range.from()).toInstant()).isEqualTo(from);
            assertThat(((OffsetDateTime) range.to()).toInstant()).isEqualTo(to);
            assertThat(FilterSql.conditions(query.filters()).sql()).isEqualTo(" and created_at between :f0 and :f0_to");
        } else {
            assertThat(problems(params)).containsExactly("created_at with between must not end before it starts");
        }
    }

    @Property(tries = 1000)
    void anyOtherValueIsARangeOrOne422NamingTheParameter(@ForAll("rangeish") String value,
                                                         @ForAll("rangeAttributes") String attribute) {
        Map<String, List<String>> params = Map.of(attribute, List.of(value), "ops", List.of(attribute + ":between"));
        Throwable thrown = catchThrowable(() -> {
            Range range = (Range) parser.parse(params).filters().get(0).value();
            assertThat(range.from()).isNotNull();
            assertThat(range.to()).isNotNull();
        });
        if (thrown != null) {
            assertThat(thrown).as(value).isExactlyInstanceOf(UsersException.class);
            UsersException problem = (UsersException) thrown;
            assertThat(problem.code()).isEqualTo(ErrorCode.INVALID);
            assertThat(problem.messages()).as(value).singleElement().asString().contains(attribute);
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("0002-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9998-12-31T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-14 * 4, 14 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 900));
    }

    @Provide
    Arbitrary<String> rangeAttributes() {
        return Arbitraries.of("tiny_id", "created_at", "updated_at", "last_sign_in_at");
    }

    @Provide
    Arbitrary<String> rangeish() {
        Arbitrary<String> end = Arbitraries.of("", "1", "-5", "2026-06-09T00:00:00-07:00", "2022-10-12 07:00:00",
                "2022-10-12", "9999-12-31T23:59:59Z", "10000-01-01", "x", ".", " ", "1.5", "99999999999999999999");
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789.-:+ TZ").ofMaxLength(30);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(30);
        Arbitrary<String> joined = Combinators.combine(end, Arbitraries.of("..", "...", ".", "", ". .", "...."), end)
                .as((a, dots, b) -> a + dots + b);
        return Arbitraries.frequencyOf(Tuple.of(5, joined), Tuple.of(3, noise), Tuple.of(2, anything));
    }

    private static String written(Instant instant, ZoneOffset offset, boolean unencodedPlus) {
        String text = OffsetDateTime.ofInstant(instant, offset).toString();
        return unencodedPlus ? text.replace('+', ' ') : text;
    }

    private List<String> problems(Map<String, List<String>> params) {
        Throwable thrown = catchThrowable(() -> parser.parse(params));
        assertThat(thrown).isInstanceOf(UsersException.class);
        return ((UsersException) thrown).messages();
    }
}
