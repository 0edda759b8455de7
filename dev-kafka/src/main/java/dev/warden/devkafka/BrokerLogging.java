package dev.warden.devkafka;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Kafka's clients and broker log a great deal at INFO (every config value, every rebalance).
 * Kafka logs through slf4j, which this module routes into java.util.logging; here its loggers
 * are set to WARNING unless a logging.properties already chose a level for them. The clients'
 * loggers are the events module's KafkaLogging's business; this tooling module depends on no Warden
 * module, so it quiets the broker's own here.
 */
final class BrokerLogging {
    // JUL holds loggers weakly; keeping them here keeps the level we set.
    private static final List<Logger> BROKER = List.of(
            Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("kafka"),
            Logger.getLogger("state.change.logger"));
    // Warns on every start that the controller activates; routine for a single embedded node.
    private static final Logger CONTROLLER = Logger.getLogger("org.apache.kafka.controller.QuorumController");

    private BrokerLogging() {
    }

    static void quiet() {
        BROKER.stream().filter(logger -> logger.getLevel() == null).forEach(logger -> logger.setLevel(Level.WARNING));
        if (CONTROLLER.getFilter() == null) {
            CONTROLLER.setFilter(record -> record.getMessage() == null
                    || !record.getMessage().contains("Performing controller activation"));
        }
    }
}
