package dev.warden.adapter.kafka;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Kafka's clients and broker log a great deal at INFO (every config value, every rebalance).
 * Kafka logs through slf4j, which this module routes into java.util.logging; here its loggers
 * are set to WARNING unless a logging.properties already chose a level for them.
 */
final class KafkaLogging {
    // JUL holds loggers weakly; keeping them here keeps the level we set.
    private static final List<Logger> QUIETED = List.of(
            Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("kafka"),
            Logger.getLogger("state.change.logger"));

    private KafkaLogging() {
    }

    static void quiet() {
        for (Logger logger : QUIETED) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
    }
}
