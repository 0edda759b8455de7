package dev.warden.bootstrap.e2e;

import dev.warden.adapter.kafka.EmbeddedKafkaBroker;

/**
 * One real embedded broker for the whole test run, so each test class does not pay its start-up.
 * Tests that stop the broker start Warden with its own embedded broker instead.
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
