package dev.warden.bootstrap.config;

import dev.warden.events.VariableRejected;
import dev.warden.events.kafka.KafkaConnection;
import dev.warden.events.kafka.KafkaVariables;
import java.util.Map;

/**
 * Where the service finds Kafka: WARDEN_KAFKA_BOOTSTRAP and WARDEN_KAFKA_PROPERTIES_FILE, parsed by
 * {@link KafkaVariables} as the standalone alarm topology parses them. The service adds dev mode's
 * in-process broker, {@value WardenSettings#EMBEDDED}, which production refuses.
 *
 * @param bootstrap        "embedded" (dev mode only) or host:port,...
 * @param clientProperties the Kafka client properties for every Kafka client of the service (security,
 *                         timeouts); values may be secrets and are never printed
 */
public record KafkaSettings(String bootstrap, Map<String, String> clientProperties) {
    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    public boolean embedded() {
        return WardenSettings.EMBEDDED.equals(bootstrap);
    }

    /** Without WARDEN_KAFKA_BOOTSTRAP, the embedded broker ({@link #requireBrokersOutsideDevMode} refuses it in production). */
    static KafkaSettings read(Map<String, String> env) {
        String given = env.get(KafkaVariables.BOOTSTRAP);
        try {
            String bootstrap = given != null && given.strip().equals(WardenSettings.EMBEDDED) ? WardenSettings.EMBEDDED
                    : KafkaVariables.bootstrapServers(env).orElse(WardenSettings.EMBEDDED);
            return new KafkaSettings(bootstrap, KafkaVariables.clientProperties(env));
        } catch (VariableRejected e) {
            throw new ConfigurationError(e.getMessage());
        }
    }

    /**
     * The client properties' values, parsed as every client will parse them; no client is built and
     * nothing connects (the embedded broker's address is not known yet: any will do).
     */
    void checkClientProperties() {
        try {
            KafkaVariables.checkClientProperties(new KafkaConnection(embedded() ? "127.0.0.1:9092" : bootstrap,
                    clientProperties));
        } catch (VariableRejected e) {
            throw new ConfigurationError(e.getMessage());
        }
    }

    /** Production never starts a throwaway broker: outside dev mode, the brokers' addresses are required. */
    void requireBrokersOutsideDevMode(Map<String, String> env, boolean devMode) {
        if (devMode || !embedded()) {
            return;
        }
        String given = env.get(KafkaVariables.BOOTSTRAP);
        throw new ConfigurationError(given == null || given.isBlank()
                ? KafkaVariables.bootstrapRequired("outside dev mode") + " (production never starts a throwaway broker)"
                : KafkaVariables.BOOTSTRAP + "=embedded is for dev mode only (./warden dev); production needs the"
                        + " brokers' host:port[,host:port...]");
    }
}
