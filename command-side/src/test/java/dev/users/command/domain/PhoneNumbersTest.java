package dev.users.command.domain;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {

    private final PhoneNumbers phones = new PhoneNumbers();

    @Test
    void nationalNumberUsesTheUsRegionByDefault() {
        assertThat(phones.parse("(201) 555-0123")).isEqualTo(new ParsedPhone("+12015550123", "US"));
        assertThat(phones.parse("201 555 0123", null)).isEqualTo(new ParsedPhone("+12015550123", "US"));
    }

    @Test
    void nationalNumberUsesTheGivenRegion() {
        assertThat(phones.parse("020 7946 0958", "gb")).isEqualTo(new ParsedPhone("+442079460958", "GB"));
    }

    @Test
    void internationalNumberIgnoresTheDefaultRegion() {
        assertThat(phones.parse("+44 20 7946 0958")).isEqualTo(new ParsedPhone("+442079460958", "GB"));
        assertThat(phones.parse("+44 20 7946 0958", "US")).isEqualTo(new ParsedPhone("+442079460958", "GB"));
    }

    @Test
    void garbageIsRejectedNamingTheRawValue() {
        assertThatThrownBy(() -> phones.parse("call me maybe"))
                .isInstanceOfSatisfying(UsersException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID);
                    assertThat(e.getMessage()).isEqualTo("phone 'call me maybe' is not a valid phone number");
                });
    }

    @Test
    void parseableButInvalidNumberIsRejected() {
        assertThatThrownBy(() -> phones.parse("+1 555"))
                .isInstanceOf(UsersException.class)
                .hasMessage("phone '+1 555' is not a valid phone number");
        assertThatThrownBy(() -> phones.parse(""))
                .isInstanceOf(UsersException.class);
    }

    @Test
    void e164CheckRequiresAPlus() {
        assertThat(phones.parseE164("+12015550123")).isEqualTo(new ParsedPhone("+12015550123", "US"));
        assertThatThrownBy(() -> phones.parseE164("2015550123"))
                .isInstanceOf(UsersException.class)
                .hasMessageContaining("'2015550123'");
    }
}
