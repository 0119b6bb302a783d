package dev.users.app.kafka;

/**
 * The broker of {@code bench/run}'s publisher catch-up figure: the tests' embedded KRaft broker as a process of its
 * own (the machine has no Kafka installation and runs no containers). Prints {@code BOOTSTRAP <host:port>} once it
 * is ready, and runs until it is killed.
 */
public final class BenchBroker {

    private BenchBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        KraftBroker broker = new KraftBroker();
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "bench-broker-stop"));
        System.out.println("BOOTSTRAP " + broker.getBrokersAsString());
        System.out.flush();
        Thread.currentThread().join();
    }
}
