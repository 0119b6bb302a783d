package dev.users.app.health;

import dev.users.app.axon.NodeName;
import dev.users.app.support.ApiTest;
import dev.users.app.roles.ServiceRole;
import dev.users.app.support.Http;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The probes' groups, readiness waiting for the read models, and health that names no path on disk. */
class HealthTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NodeName nodeName;

    @Value("${users.data-dir}")
    String dataDir;

    @Test
    void livenessAndReadinessAreGroupsOfTheirOwn() {
        Http anonymous = new Http(port, null);
        Http.Response liveness = anonymous.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
        Http.Response readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.text()).isEqualTo(200);
        assertThat(readiness.json().path("components").path("readModels").path("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("readinessState").path("status").asString())
                .isEqualTo("UP");
        assertThat(readiness.json().path("components").has("db")).isFalse();
    }

    @Test
    void healthNamesNoPathOnDisk() {
        Http.Response health = new Http(port, null).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).doesNotContain(Path.of(dataDir).toAbsolutePath().toString())
                .doesNotContain("\"path\"").doesNotContain(System.getProperty("java.io.tmpdir"));
    }

    @Test
    void theReadModelsAreOutOfServiceUntilTheirProcessorHasCaughtUp() {
        TrackingEventProcessor processor =
                processing.eventProcessor(UserDirectoryProjection.GROUP, TrackingEventProcessor.class).orElseThrow();
        ReadModelsCaughtUp sinceNow = new ReadModelsCaughtUp(processing, ServiceRole.ALL, jdbc, nodeName);
        processor.shutDown();
        try {
            assertThat(sinceNow.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sinceNow.health().getStatus().equals(Status.UP));
        processor.shutDown();
        try {
            assertThat(sinceNow.health().getStatus()).as("once caught up, it stays up").isEqualTo(Status.UP);
        } finally {
            processor.start();
        }
    }

    @Test
    void aStandByWhoseSegmentAnotherNodeHoldsIsReady() {
        TrackingEventProcessor processor =
                processing.eventProcessor(UserDirectoryProjection.GROUP, TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            // another live node's claim, as its JdbcTokenStore writes it
            jdbc.sql("update tokenentry set owner = 'other-node@host', timestamp = ? where processorname = ?")
                    .params(Instant.now().toString(), UserDirectoryProjection.GROUP).update();
            processor.start();
            ReadModelsCaughtUp standBy = new ReadModelsCaughtUp(processing, ServiceRole.ALL, jdbc, nodeName);
            assertThat(standBy.health().getStatus()).isEqualTo(Status.UP);
            assertThat(standBy.health().getDetails()).containsEntry("segmentHeldBy", "another node");
        } finally {
            jdbc.sql("update tokenentry set owner = null where processorname = ?")
                    .param(UserDirectoryProjection.GROUP).update();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty());
    }
}
