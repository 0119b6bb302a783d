package dev.users.app.deadletters;

import org.springframework.boot.health.contributor.Health;
import org.springframework.dao.DataAccessException;
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
        DeadLetterReports.Counts counts;
        try {
            counts = reports.counts();
        } catch (DataAccessException unreachable) {
            // a health indicator that throws fails the whole health endpoint; the database's state is db's to show
            return Health.unknown().withDetail("error", "the database cannot be reached").build();
        }
        return Health.up().withDetail("parkedUsers", counts.users()).withDetail("parkedEvents", counts.events())
                .build();
    }
}
