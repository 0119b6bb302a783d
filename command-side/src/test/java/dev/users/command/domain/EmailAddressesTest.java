package dev.users.command.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

    @Test
    void normaliseTrimsAndLowerCases() {
        assertThat(EmailAddresses.normalise("  Ann.Lee@Example.COM \t")).isEqualTo("ann.lee@example.com");
        assertThat(EmailAddresses.normalise("İNFO@EXAMPLE.COM")).startsWith("i").endsWith("@example.com");
        assertThat(EmailAddresses.normalise(null)).isNull();
    }

    @Test
    void acceptsOrdinaryAddresses() {
        assertThat(EmailAddresses.isValid("ann@example.com")).isTrue();
        assertThat(EmailAddresses.isValid("ann.lee+tag@mail.example.co.uk")).isTrue();
    }

    @Test
    void rejectsAddressesBreakingTheRule() {
        assertThat(EmailAddresses.isValid(null)).isFalse();
        assertThat(EmailAddresses.isValid("")).isFalse();
        assertThat(EmailAddresses.isValid("ann.example.com")).isFalse();
        assertThat(EmailAddresses.isValid("ann@@example.com")).isFalse();
        assertThat(EmailAddresses.isValid("ann@b@example.com")).isFalse();
        assertThat(EmailAddresses.isValid("@example.com")).isFalse();
        assertThat(EmailAddresses.isValid("ann@localhost")).isFalse();
        assertThat(EmailAddresses.isValid("ann@example.")).isFalse();
        assertThat(EmailAddresses.isValid("ann@.example.com")).isFalse();
        assertThat(EmailAddresses.isValid("ann@example..com")).isFalse();
        assertThat(EmailAddresses.isValid("ann lee@example.com")).isFalse();
    }

    @Test
    void rejectsAddressesLongerThan254Characters() {
        String domain = "@example.com";
        assertThat(EmailAddresses.isValid("a".repeat(254 - domain.length()) + domain)).isTrue();
        assertThat(EmailAddresses.isValid("a".repeat(255 - domain.length()) + domain)).isFalse();
    }
}
