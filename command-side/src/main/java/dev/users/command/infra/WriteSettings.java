package dev.users.command.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The write side's {@code users.*} settings.
 *
 * @param maxBodySize       the largest request body, JSON or form; larger is a 413
 * @param snapshotThreshold a user aggregate is snapshotted every this many events
 * @param invitations       the invitation links' signing
 */
@ConfigurationProperties("users")
public record WriteSettings(@DefaultValue("1MB") DataSize maxBodySize,
                            @DefaultValue("100") int snapshotThreshold,
                            @DefaultValue Invitations invitations) {

    /**
     * {@code users.invitations.*}.
     *
     * @param secret HMAC-SHA256 key of the invitation e-mail's links; unset: a random key per start
     */
    public record Invitations(String secret) {
    }
}
