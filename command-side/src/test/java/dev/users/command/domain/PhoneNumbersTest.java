package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    @Test
    void nationalNumberUsesTheUsRegionByDefault() {
        assertThat(PhoneNumbers.parse("(201) 555-0123")).isEqualTo(new ParsedPhone("+12015550123", "US"));
        assertThat(PhoneNumbers.parse("201 555 0123", null)).isEqualTo(new ParsedPhone("+12015550123", "US"));
    }

    @Test
    void nationalNumberUsesTheGivenRegion() {
        assertThat(PhoneNumbers.parse("020 7946 0958", "gb")).isEqualTo(new ParsedPhone("+442079460958", "GB"));
    }

    @Test
    void internationalNumberIgnoresTheDefaultRegion() {
        assertThat(PhoneNumbers.parse("+44 20 7946 0958")).isEqualTo(new ParsedPhone("+442079460958", "GB"));
        assertThat(PhoneNumbers.parse("+44 20 7946 0958", "US")).isEqualTo(new ParsedPhone("+442079460958", "GB"));
    }

    @Test
    void garbageIsRejectedNamingTheRawValue() {
        assertThatThrownBy(() -> PhoneNumbers.parse("call me maybe"))
                .isInstanceOfSatisfying(UsersException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID);
                    assertThat(e.getMessage()).isEqualTo("phone 'call me maybe' is not a valid phone number");
                });
    }

    @Test
    void parseableButInvalidNumberIsRejected() {
        assertThatThrownBy(() -> PhoneNumbers.parse("+1 555"))
                .isInstanceOf(UsersException.class)
                .hasMessage("phone '+1 555' is not a valid phone number");
        assertThatThrownBy(() -> PhoneNumbers.parse(""))
                .isInstanceOf(UsersException.class);
    }

    @Test
    void e164CheckRequiresAPlus() {
        assertThat(PhoneNumbers.parseE164("+12015550123")).isEqualTo(new ParsedPhone("+12015550123", "US"));
        assertThatThrownBy(() -> PhoneNumbers.parseE164("2015550123"))
                .isInstanceOf(UsersException.class)
                .hasMessageContaining("'2015550123'");
    }
}
