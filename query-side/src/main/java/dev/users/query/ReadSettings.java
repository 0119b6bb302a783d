package dev.users.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The read side's {@code users.*} settings.
 *
 * @param readYourWritesTimeout how long a write waits for the read model before answering 202
 */
@ConfigurationProperties("users")
public record ReadSettings(@DefaultValue("5s") Duration readYourWritesTimeout) {
}
