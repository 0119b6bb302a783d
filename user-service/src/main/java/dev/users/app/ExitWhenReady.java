package dev.users.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With {@code users.exit-when-ready=true} the service stops as soon as it is ready, and cleanly: the context closes,
 * so the embedded PostgreSQL stops with it (Spring's own {@code spring.context.exit=onRefresh} halts the JVM and
 * leaves that server running). The build starts the service once this way to record the classes a start-up loads
 * into a class-data-sharing archive (see user-service/pom.xml), which takes seconds off every later start.
 */
@Component
@ConditionalOnProperty(name = "users.exit-when-ready", havingValue = "true")
class ExitWhenReady {

    @EventListener(ApplicationReadyEvent.class)
    void exit(ApplicationReadyEvent ready) {
        System.exit(SpringApplication.exit(ready.getApplicationContext()));
    }
}
