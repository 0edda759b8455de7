package dev.warden.bootstrap.e2e;

import dev.warden.devkafka.EmbeddedKafkaBroker;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The broker the end-to-end tests share, started once for the whole run, like {@link TestPostgres}:
 * WARDEN_TEST_KAFKA (bootstrap servers of a broker the tests may fill) when set; else a
 * Testcontainers Kafka (WARDEN_TEST_KAFKA_IMAGE, default {@value #IMAGE}) when a Docker engine is
 * available; else the dev-kafka module's embedded broker (dev tooling, on the test class path but not
 * in the production jar's libs). Unreachable means failed, never skipped. Tests that stop their
 * broker, need SASL or other broker defaults start an embedded broker of their own everywhere.
 */
final class SharedKafka {
    static final String IMAGE = "apache/kafka:4.0.0";
    private static String bootstrapServers;

    private SharedKafka() {
    }

    static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = start(System.getenv(), () -> DockerClientFactory.instance().isDockerAvailable());
        }
        return bootstrapServers;
    }

    private static String start(Map<String, String> env, BooleanSupplier dockerAvailable) {
        return switch (choose(env, dockerAvailable)) {
            case CONFIGURED -> env.get("WARDEN_TEST_KAFKA").strip();
            case CONTAINER -> {
                KafkaContainer container = new KafkaContainer(env.getOrDefault("WARDEN_TEST_KAFKA_IMAGE", IMAGE));
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                yield container.getBootstrapServers();
            }
            case EMBEDDED -> {
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
                yield broker.bootstrapServers();
            }
        };
    }

    enum Source { CONFIGURED, CONTAINER, EMBEDDED }

    /** Docker is asked only when no broker is configured, as {@link TestPostgres} does. */
    static Source choose(Map<String, String> env, BooleanSupplier dockerAvailable) {
        String configured = env.get("WARDEN_TEST_KAFKA");
        if (configured != null && !configured.isBlank()) {
            return Source.CONFIGURED;
        }
        return dockerAvailable.getAsBoolean() ? Source.CONTAINER : Source.EMBEDDED;
    }
}
