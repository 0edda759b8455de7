package dev.warden.bootstrap;

import dev.warden.bootstrap.config.ConfigurationError;
import dev.warden.devkafka.EmbeddedKafkaBroker;

/**
 * Dev mode's throwaway broker ({@code ./warden dev}, WARDEN_KAFKA_BOOTSTRAP unset or {@code embedded}).
 * The broker and Scala are dev tooling in the dev-kafka module: not in the production jar's
 * {@code libs/}, put on the class path by {@code ./warden dev} and by the tests. This is the only
 * class of the service that touches it (ArchitectureRules), and only when dev mode asks for it, so
 * production never loads it.
 */
final class DevKafka implements AutoCloseable {
    /** By name: a class literal would load the broker, which production does not have. */
    static final String BROKER_CLASS = "dev.warden.devkafka.EmbeddedKafkaBroker";

    private final EmbeddedKafkaBroker broker;

    private DevKafka(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    static boolean onClassPath() {
        try {
            Class.forName(BROKER_CLASS, false, DevKafka.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Fails with one line before anything starts when the dev tooling is missing. */
    static void requireOnClassPath() {
        if (!onClassPath()) {
            throw new ConfigurationError("WARDEN_KAFKA_BOOTSTRAP=embedded needs the dev tooling"
                    + " (dev-kafka/target/warden-dev-kafka.jar) on the class path, which ./warden dev adds;"
                    + " or set WARDEN_KAFKA_BOOTSTRAP to the brokers' host:port");
        }
    }

    /** Starts a broker with fresh temporary data, deleted again by {@link #close()}. */
    static DevKafka start() {
        requireOnClassPath();
        return new DevKafka(EmbeddedKafkaBroker.start(null, 0));
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        broker.close();
    }
}
