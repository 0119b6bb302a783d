package dev.users.app.kafka;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * spring-kafka-test's embedded KRaft broker on Kafka 4.3, advertising an address of the test's choosing (a
 * {@link TcpProxy}), so that a broker started again after {@code destroy()} is found where the service's producer
 * looks for it (the KRaft broker binds ports of its own choosing: {@code kafkaPorts} is not applied). Its
 * {@code getBrokersAsString} still asks the cluster test kit for {@code clientProperties()}, which Kafka 4.3 removed;
 * {@code bootstrapServers()} answers the same.
 */
final class KraftBroker extends EmbeddedKafkaKraftBroker {

    /** One broker (combined with its controller) reached at {@code localhost:advertisedPort}, making no topic by itself. */
    KraftBroker(int advertisedPort) {
        this();
        brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + advertisedPort);
    }

    /** One broker reached where it listens ({@link #getBrokersAsString}), making no topic by itself. */
    KraftBroker() {
        super(1, 1);
        // as the README advises: the producer's metadata requests would otherwise make a missing topic with the
        // broker's defaults before the publisher makes it with its partition count
        brokerProperty("auto.create.topics.enable", "false");
    }

    /** The port the broker listens on (behind the advertised one). */
    int listeningPort() {
        String servers = getCluster().bootstrapServers();
        return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
    }

    @Override
    public String getBrokersAsString() {
        return getCluster().bootstrapServers();
    }
}
