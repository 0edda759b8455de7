package dev.warden.bootstrap.e2e;

import dev.warden.devkafka.EmbeddedKafkaBroker;

/**
 * One real embedded broker for the whole test run, so each test class does not pay its start-up.
 * Tests that stop the broker start one of their own instead. (The broker is dev tooling: the
 * dev-kafka module, on the test class path but not in the production jar's libs.)
 */
final class SharedKafka {
    private static EmbeddedKafkaBroker broker;

    private SharedKafka() {
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        }
        return broker.bootstrapServers();
    }
}
