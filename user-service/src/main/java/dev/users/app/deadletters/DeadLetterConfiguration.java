package dev.users.app.deadletters;

import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dead-letter queue for the read models' processing group ({@link UserDirectoryProjection#GROUP}), so that an
 * event its handlers or its database writes cannot take parks its user, and only its user, instead of stopping the
 * processor. Axon's JDBC queue on V1's {@code deadletterentry} (the shape of Axon's {@code DeadLetterSchema} and
 * table factory, with PostgreSQL types), sequenced per user; the queue takes any number of users and of events per
 * user (Axon's default of 1,024 each would fail the batch once reached, and stop everyone again).
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    DirectoryDeadLetters directoryDeadLetters(ConnectionProvider connectionProvider, TransactionManager transactions,
                                              Serializer serializer,
                                              @Qualifier("eventSerializer") Serializer eventSerializer,
                                              JdbcTemplate jdbc) {
        return new DirectoryDeadLetters(JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(UserDirectoryProjection.GROUP)
                .connectionProvider(connectionProvider)
                .transactionManager(transactions)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .maxSequences(Integer.MAX_VALUE)
                .maxSequenceSize(Integer.MAX_VALUE)
                .build(), jdbc);
    }

    /**
     * The group's invoker becomes Axon's dead-lettering one: it catches a failing handler per event and parks the
     * event. {@code allowReset}: a replay (resetTokens) handles every event again, so it empties the queue first.
     */
    @Bean
    ConfigurerModule directoryDeadLetterQueue(DirectoryDeadLetters deadLetters) {
        String group = UserDirectoryProjection.GROUP;
        return configurer -> configurer.eventProcessing()
                .registerDeadLetterQueue(group, c -> deadLetters)
                .registerDeadLetterPolicy(group, c -> DirectoryDeadLetters.enqueuePolicy())
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, builder) -> builder.allowReset(true));
    }
}
