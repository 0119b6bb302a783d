package dev.users.app.deadletters;

import dev.users.events.UserEvent;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A handler of the read models' processing group, for tests only: it fails every event of the users it is told to
 * fail, and does nothing otherwise. Ordered first in the group, so that a failing event reaches no other handler (as
 * a projection's own failure would leave them).
 */
@Component
@ProcessingGroup(UserDirectoryProjection.GROUP)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InjectedFaults {

    private final Set<UUID> failing = ConcurrentHashMap.newKeySet();

    public void fail(UUID userId) {
        failing.add(userId);
    }

    public void heal(UUID userId) {
        failing.remove(userId);
    }

    @EventHandler
    public void on(UserEvent event) {
        if (failing.contains(event.userId())) {
            throw new InjectedFault("injected fault for user " + event.userId());
        }
    }

    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String message) {
            super(message);
        }
    }
}
