package dev.users.app.deadletters;

import dev.users.app.deadletters.DeadLetterReports.ParkedUser;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Retries parked users' events through Axon's dead-lettering invoker: each user's events in order, with the
 * processor's own handlers, until all are applied (the user's parked events are then gone, and the user's next
 * events are handled as usual) or one fails again (it and those behind it stay parked, with the new cause).
 */
@Component
public class DeadLetterRetries {

    private final EventProcessingConfiguration processing;
    private final DirectoryDeadLetters deadLetters;
    private final DeadLetterReports reports;

    DeadLetterRetries(EventProcessingConfiguration processing, DirectoryDeadLetters deadLetters,
                      DeadLetterReports reports) {
        this.processing = processing;
        this.deadLetters = deadLetters;
        this.reports = reports;
    }

    /** Retries {@code users} (parked users of {@code accountId}) and tells which are done and which are not. */
    public Outcome retry(UUID accountId, List<ParkedUser> users) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(UserDirectoryProjection.GROUP)
                .orElseThrow(() -> new IllegalStateException("the read models have no dead-letter queue"));
        for (ParkedUser user : users) {
            String sequence = user.userId();
            processor.process(letter -> sequence.equals(DirectoryDeadLetters.sequenceOf(letter.message())));
            deadLetters.refresh(sequence);
        }
        Map<String, ParkedUser> after = reports.ofAccount(accountId).stream()
                .collect(Collectors.toMap(ParkedUser::userId, Function.identity()));
        List<Processed> processed = users.stream().filter(user -> !after.containsKey(user.userId()))
                .map(user -> new Processed(user.userId(), user.parkedEvents())).toList();
        List<ParkedUser> stillParked = users.stream().map(user -> after.get(user.userId()))
                .filter(Objects::nonNull).toList();
        return new Outcome(processed, stillParked);
    }

    /** A user whose parked events are all applied now: how many there were. */
    public record Processed(String userId, long events) {
    }

    public record Outcome(List<Processed> processed, List<ParkedUser> stillParked) {
    }
}
