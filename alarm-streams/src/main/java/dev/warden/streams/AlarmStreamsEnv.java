package dev.warden.streams;

import dev.warden.events.VariableRejected;
import dev.warden.events.kafka.KafkaConnection;
import dev.warden.events.kafka.KafkaVariables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the standalone app's settings from environment variables; the Kafka ones as the service reads
 * them ({@link KafkaVariables}), except that WARDEN_KAFKA_BOOTSTRAP is required.
 */
final class AlarmStreamsEnv {
    static final String THRESHOLD = "WARDEN_ALARM_IP_SPREAD_THRESHOLD";
    static final String STATE_DIR = "WARDEN_STREAMS_STATE_DIR";

    /** A setting that cannot be used; the message is the one line the user sees. */
    static final class BadSetting extends RuntimeException {
        BadSetting(String message) {
            super(message);
        }
    }

    /**
     * The settings read.
     *
     * @param stateDir the operator's state folder, kept across runs; empty for a
     *                 {@link StreamsStateFolder} of this run's own, deleted when it stops
     * @param clientProperties from WARDEN_KAFKA_PROPERTIES_FILE; empty without it
     */
    record Settings(String bootstrap, int threshold, Optional<Path> stateDir, Map<String, String> clientProperties) {
        AlarmStreamsConfig config(Path stateFolder) {
            return AlarmStreamsConfig.of(new KafkaConnection(bootstrap, clientProperties), threshold, stateFolder);
        }
    }

    private AlarmStreamsEnv() {
    }

    static Settings read(Map<String, String> env) {
        try {
            return new Settings(KafkaVariables.requiredBootstrapServers(env), threshold(env.get(THRESHOLD)),
                    stateDir(env.get(STATE_DIR)), KafkaVariables.clientProperties(env));
        } catch (VariableRejected e) {
            throw new BadSetting(e.getMessage());
        }
    }

    private static int threshold(String value) {
        if (value == null || value.isBlank()) {
            return AlarmTopologySettings.DEFAULT_IP_SPREAD_THRESHOLD;
        }
        try {
            int threshold = Integer.parseInt(value.trim());
            if (threshold >= 1) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadSetting(THRESHOLD + " must be a whole number of at least 1, was '" + value + "'");
    }

    private static Optional<Path> stateDir(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(value.trim());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadSetting(STATE_DIR + " must be a directory, was '" + value + "'");
        }
        return Optional.of(dir);
    }
}
