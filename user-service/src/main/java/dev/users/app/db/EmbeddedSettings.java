package dev.users.app.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code users.embedded.*}: the embedded PostgreSQL (when no {@code spring.datasource.url} is set).
 *
 * @param port its port; unset: a random free one
 * @param startupWait how long a start waits for it to accept connections, crash recovery of a large store included (zonky's own 10 s is too short for that)
 * @param synchronousCommit its {@code synchronous_commit}: on, so that an acknowledged write survives a crash
 * @param fsync its {@code fsync} (zonky's own default is off): on, for the same reason
 */
@ConfigurationProperties("users.embedded")
public record EmbeddedSettings(Integer port,
                               @DefaultValue("60s") Duration startupWait,
                               @DefaultValue("on") String synchronousCommit,
                               @DefaultValue("on") String fsync) {
}
