package dev.users.events;

import java.time.Instant;
import java.util.UUID;

/** {@code previousSignInAt} is null on a first sign-in; {@code signedInAt} is never before it. */
public record UserSignedIn(UUID userId, Instant previousSignInAt, Instant signedInAt) implements UserEvent {
}
