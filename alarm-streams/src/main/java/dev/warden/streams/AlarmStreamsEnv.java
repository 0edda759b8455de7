package dev.warden.streams;

import dev.warden.events.BootstrapServers;
import dev.warden.events.kafka.KafkaConnection;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** Reads the standalone app's settings from environment variables. */
final class AlarmStreamsEnv {
    static final String BOOTSTRAP = "WARDEN_KAFKA_BOOTSTRAP";
    static final String THRESHOLD = "WARDEN_ALARM_IP_SPREAD_THRESHOLD";
    static final String STATE_DIR = "WARDEN_STREAMS_STATE_DIR";
    static final String PROPERTIES_FILE = "WARDEN_KAFKA_PROPERTIES_FILE";

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
        return new Settings(bootstrap(env.get(BOOTSTRAP)), threshold(env.get(THRESHOLD)), stateDir(env.get(STATE_DIR)),
                clientProperties(env.get(PROPERTIES_FILE)));
    }

    /** The file as the service reads it (see the service's WardenSettings); its values never reach a message. */
    private static Map<String, String> clientProperties(String value) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        Path file = Path.of(value.strip());
        if (Files.isDirectory(file)) {
            throw new BadSetting(PROPERTIES_FILE + " cannot be read: '" + file + "' (a directory)");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new BadSetting(PROPERTIES_FILE + " cannot be read: '" + file + "' (" + reason(e) + ")");
        } catch (IllegalArgumentException e) {
            throw new BadSetting(PROPERTIES_FILE + " is not a Java properties file: '" + file + "'");
        }
        if (properties.containsKey("bootstrap.servers")) {
            throw new BadSetting(PROPERTIES_FILE + " must not set bootstrap.servers (" + BOOTSTRAP + " says where Kafka is)");
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return Map.copyOf(map);
    }

    private static String bootstrap(String value) {
        if (value == null || value.isBlank()) {
            throw new BadSetting(BOOTSTRAP + " is required (host:port of a Kafka broker)");
        }
        if (!BootstrapServers.isValid(value)) {
            throw new BadSetting(BOOTSTRAP + " must be " + BootstrapServers.FORMAT + ", was '" + value + "'");
        }
        return value.trim();
    }

    private static String reason(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException missing -> "no such file";
            case java.nio.file.AccessDeniedException denied -> "permission denied";
            default -> e.getClass().getSimpleName();
        };
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
