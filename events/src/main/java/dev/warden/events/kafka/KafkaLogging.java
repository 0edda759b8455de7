package dev.warden.events.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Kafka's clients log a great deal at INFO (every config value, every rebalance). Kafka logs through
 * SLF4J, which the service and the standalone alarm topology route into java.util.logging
 * (slf4j-jdk14); here its loggers are set to WARNING unless a logging configuration already chose a
 * level for them. Called by whatever builds a Kafka client, before it does.
 * This configures a library's loggers rather than logging, so it uses java.util.logging directly;
 * Warden's own log lines go through System.Logger (ArchitectureRules names this class as the exception).
 */
public final class KafkaLogging {
    /** The client loggers and the least level they log at (the broker's own are dev-kafka's business). */
    private static final Map<String, Level> CLIENT_LEVELS = Map.of(
            "org.apache.kafka", Level.WARNING,
            // Warns on every reconnect attempt (about once a second while the broker is away); the relay,
            // the consumer and the topology report an outage once, in their own words.
            "org.apache.kafka.clients.NetworkClient", Level.SEVERE);
    // JUL holds loggers weakly; keeping them here keeps the level we set.
    private static final List<Logger> QUIETED = new CopyOnWriteArrayList<>();

    private KafkaLogging() {
    }

    public static void quiet() {
        CLIENT_LEVELS.forEach((name, level) -> {
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(level);
                QUIETED.add(logger);
            }
        });
    }
}
