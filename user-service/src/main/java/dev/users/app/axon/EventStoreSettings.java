package dev.users.app.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code users.event-store.*}: how the processors and replays read the event store.
 *
 * @param fetchSize events read from the store per query (processors, replays)
 * @param pollInterval how often the processor looks for events written by other nodes; this node's writes wake it at once
 * @param claimTimeout how long a segment claim another node stopped renewing (it died) holds back this node's processor
 */
@ConfigurationProperties("users.event-store")
public record EventStoreSettings(@DefaultValue("1000") int fetchSize,
                                 @DefaultValue("1s") Duration pollInterval,
                                 @DefaultValue("10s") Duration claimTimeout) {
}
