package dev.users.app.deadletters;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code deadLetters} in the actuator's health: how many users have events parked in the read models' dead-letter
 * queue, and how many events. The service stays UP (everyone else's reads are current); the numbers say whose are
 * not. One count query per health call.
 */
@Component
class DeadLettersHealthIndicator implements HealthIndicator {

    private final DeadLetterReports reports;

    DeadLettersHealthIndicator(DeadLetterReports reports) {
        this.reports = reports;
    }

    @Override
    public Health health() {
        DeadLetterReports.Counts counts = reports.counts();
        return Health.up().withDetail("parkedUsers", counts.users()).withDetail("parkedEvents", counts.events())
                .build();
    }
}
