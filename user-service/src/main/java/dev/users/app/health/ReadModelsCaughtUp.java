package dev.users.app.health;

import dev.users.app.axon.NodeName;
import dev.users.app.roles.ServiceRole;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * {@code readModels} in the actuator's health, and in its readiness group: OUT_OF_SERVICE until the read models'
 * processor has, once since this start, read every event the store held (a processor that starts without a token
 * has rebuilt them first), so that a load balancer sends reads only to a node whose reads are current. Then UP for
 * good: a processor that falls behind later is a lag to watch (metrics), not a node to take out of service.
 * Readiness also needs Spring Boot's own {@code readinessState}, which is ACCEPTING_TRAFFIC only once the context
 * is ready, after Flyway's migrations ran.
 * A node whose processor runs but holds no segment because another live node does (a stand-by: several nodes on one
 * database) is UP as well: the tables it reads are kept current by that node.
 */
@Component("readModels")
class ReadModelsCaughtUp implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ServiceRole role;
    private final JdbcClient jdbc;
    /** What this node's token store writes in {@code tokenentry.owner}. */
    private final NodeName thisNode;
    private volatile boolean caughtUp;

    ReadModelsCaughtUp(EventProcessingConfiguration processing, ServiceRole role, JdbcClient jdbc, NodeName thisNode) {
        this.processing = processing;
        this.role = role;
        this.jdbc = jdbc;
        this.thisNode = thisNode;
    }

    @Override
    public Health health() {
        Optional<TrackingEventProcessor> processor =
                processing.eventProcessor(UserDirectoryProjection.GROUP, TrackingEventProcessor.class);
        if (processor.isEmpty() || !role.runsProcessors()) {
            // a process that runs no read-model processor has nothing to catch up on
            return Health.up().withDetail("processor", "none in this process").build();
        }
        Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
        if (!caughtUp) {
            caughtUp = !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        }
        if (!caughtUp && status.isEmpty() && processor.get().isRunning() && keptByAnotherNode().orElse(false)) {
            return Health.up().withDetail("processor", UserDirectoryProjection.GROUP)
                    .withDetail("segmentHeldBy", "another node").build();
        }
        return (caughtUp ? Health.up() : Health.outOfService())
                .withDetail("processor", UserDirectoryProjection.GROUP).withDetail("caughtUpSinceStart", caughtUp)
                .build();
    }

    /**
     * Empty when the database cannot be asked: a health indicator that throws fails the whole health endpoint, and
     * the database's state is the {@code db} component's to show.
     */
    private Optional<Boolean> keptByAnotherNode() {
        try {
            return Optional.of(jdbc.sql("select owner from tokenentry where processorname = ? and owner is not null")
                    .param(UserDirectoryProjection.GROUP).query(String.class).list().stream()
                    .anyMatch(owner -> !owner.equals(thisNode.value())));
        } catch (DataAccessException unreachable) {
            return Optional.empty();
        }
    }
}
