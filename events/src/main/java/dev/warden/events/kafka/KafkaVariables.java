package dev.warden.events.kafka;

import dev.warden.events.BootstrapServers;
import dev.warden.events.VariableFile;
import dev.warden.events.VariableRejected;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where Kafka is and how to reach it, from the environment: WARDEN_KAFKA_BOOTSTRAP and
 * WARDEN_KAFKA_PROPERTIES_FILE, parsed here for the service and the standalone alarm topology alike, so
 * both accept the same values and say the same line for the same mistake. Each process adds only its
 * own rules (the service's dev mode and embedded broker).
 */
public final class KafkaVariables {
    public static final String BOOTSTRAP = "WARDEN_KAFKA_BOOTSTRAP";
    public static final String PROPERTIES_FILE = "WARDEN_KAFKA_PROPERTIES_FILE";

    private KafkaVariables() {
    }

    /**
     * The brokers' addresses, stripped; empty when the variable is not set.
     *
     * @throws VariableRejected when the value is not {@value BootstrapServers#FORMAT}
     */
    public static Optional<String> bootstrapServers(Map<String, String> env) {
        String value = env.get(BOOTSTRAP);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!BootstrapServers.isValid(value)) {
            throw new VariableRejected(BOOTSTRAP + " must be " + BootstrapServers.FORMAT + ", was '" + value + "'");
        }
        return Optional.of(value.strip());
    }

    /**
     * The brokers' addresses, stripped, where WARDEN_KAFKA_BOOTSTRAP is required.
     *
     * @throws VariableRejected when the variable is not set, or not {@value BootstrapServers#FORMAT}
     */
    public static String requiredBootstrapServers(Map<String, String> env) {
        return bootstrapServers(env).orElseThrow(() -> new VariableRejected(bootstrapRequired("")));
    }

    /**
     * The line for a WARDEN_KAFKA_BOOTSTRAP that is required but not set.
     *
     * @param when empty, or when it is required (the service needs none in dev mode)
     */
    public static String bootstrapRequired(String when) {
        return BOOTSTRAP + " is required" + (when.isEmpty() ? "" : " " + when) + ": set it to the brokers' "
                + BootstrapServers.FORMAT;
    }

    /**
     * The Kafka client properties of the file WARDEN_KAFKA_PROPERTIES_FILE names (UTF-8); an empty
     * map when it is not set. Their values may be secrets: no message shows them.
     *
     * @throws VariableRejected when the file cannot be read, is no properties file, or sets
     *                          {@code bootstrap.servers} (WARDEN_KAFKA_BOOTSTRAP says where Kafka is)
     */
    public static Map<String, String> clientProperties(Map<String, String> env) {
        String fileName = env.get(PROPERTIES_FILE);
        if (fileName == null || fileName.isBlank()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(VariableFile.read(PROPERTIES_FILE, fileName)));
        } catch (IOException | IllegalArgumentException e) {
            // Never the content: sasl.jaas.config holds a password.
            throw new VariableRejected(PROPERTIES_FILE + " is not a Java properties file: '" + fileName.strip() + "'");
        }
        if (properties.containsKey("bootstrap.servers")) {
            throw new VariableRejected(PROPERTIES_FILE + " must not set bootstrap.servers (" + BOOTSTRAP
                    + " says where Kafka is)");
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return Map.copyOf(map);
    }

    /**
     * The client properties parsed as every client will parse them; no client is built and nothing
     * connects, so any address will do.
     *
     * @throws VariableRejected naming WARDEN_KAFKA_PROPERTIES_FILE, without the properties' values
     */
    public static void checkClientProperties(KafkaConnection kafka) {
        try {
            kafka.checkClientProperties();
        } catch (KafkaClientSettingsRejected e) {
            throw new VariableRejected(PROPERTIES_FILE + ": " + e.getMessage());
        }
    }
}
