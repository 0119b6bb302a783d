package dev.users.app.axon;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StoredInstants} reads by hand what {@link Instant#toString()} writes: for any instant of four-digit years
 * and any count of fraction digits it reads back exactly what {@link Instant#parse} does, and any text it does not
 * read itself (null) is left to Jackson's parser.
 */
class StoredInstantsPropertyTest {

    @Property(tries = 5000)
    void readsWhatInstantWrites(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
                                @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        assertThat(StoredInstants.parse(instant.toString())).isEqualTo(instant);
    }

    @Property(tries = 2000)
    void anyFractionLengthAsTheJdkReadsIt(@ForAll @LongRange(min = 0, max = 4_102_444_800L) long seconds,
                                          @ForAll @IntRange(min = 1, max = 9) int digits,
                                          @ForAll @IntRange(min = 0, max = 999_999_999) int fraction) {
        String text = Instant.ofEpochSecond(seconds).toString().replace("Z", "")
                + "." + String.format("%09d", fraction).substring(0, digits) + "Z";
        assertThat(StoredInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @Example
    void leavesEveryOtherFormToTheGeneralParser() {
        for (String text : new String[] {"2024-01-01T00:00:00+01:00", "2024-02-30T00:00:00Z", "2024-01-01T24:00:00Z",
                "2024-01-01 00:00:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567890Z", "+12024-01-01T00:00:00Z",
                "2024-01-01T00:00:60Z", "2024-13-01T00:00:00Z", "2024-0a-01T00:00:00Z", "1704067200", ""}) {
            assertThat(StoredInstants.parse(text)).as(text).isNull();
        }
    }

    @Example
    void theGeneralParserStillRefusesWhatNeitherReads() {
        try {
            Instant.parse("2024-02-30T00:00:00Z");
            throw new AssertionError("the JDK read an impossible date");
        } catch (DateTimeParseException expected) {
            assertThat(StoredInstants.parse("2024-02-30T00:00:00Z")).isNull();
        }
    }
}
