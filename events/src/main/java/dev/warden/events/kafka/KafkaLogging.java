package dev.warden.events.kafka;

import java.util.List;
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
    // JUL holds loggers weakly; keeping them here keeps the level we set.
    private static final List<Logger> WARNINGS_ONLY = List.of(
            Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("kafka"),
            Logger.getLogger("state.change.logger"));
    // Warns on every reconnect attempt (about once a second while the broker is away); the relay,
    // the consumer and the topology report an outage once, in their own words.
    private static final List<Logger> ERRORS_ONLY = List.of(
            Logger.getLogger("org.apache.kafka.clients.NetworkClient"));
    // Warns on every start that the controller activates; routine for a single embedded node.
    private static final Logger CONTROLLER = Logger.getLogger("org.apache.kafka.controller.QuorumController");

    private KafkaLogging() {
    }

    public static void quiet() {
        setUnlessConfigured(WARNINGS_ONLY, Level.WARNING);
        setUnlessConfigured(ERRORS_ONLY, Level.SEVERE);
        if (CONTROLLER.getFilter() == null) {
            CONTROLLER.setFilter(record -> record.getMessage() == null
                    || !record.getMessage().contains("Performing controller activation"));
        }
    }

    private static void setUnlessConfigured(List<Logger> loggers, Level level) {
        for (Logger logger : loggers) {
            if (logger.getLevel() == null) {
                logger.setLevel(level);
            }
        }
    }
}
