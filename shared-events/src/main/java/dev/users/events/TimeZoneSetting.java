package dev.users.events;

/**
 * A time zone as the client named it ({@code London}, {@code Europe/London}) and the IANA id it resolves to,
 * so that clients get back what they sent while anything computing with time uses {@code zoneId}.
 */
public record TimeZoneSetting(String name, String zoneId) {
}
