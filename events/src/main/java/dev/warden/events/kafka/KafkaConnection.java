package dev.warden.events.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How every Kafka client of the service and of the alarm topology reaches the brokers: their addresses, and the operator's
 * client properties (WARDEN_KAFKA_PROPERTIES_FILE: {@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}, timeouts). Each client applies the properties first and its own settings on top:
 * what a client fixes for correctness (serializers, idempotence, acks, group ids, isolation) wins.
 * The values may hold a password ({@code sasl.jaas.config}): they are never printed.
 *
 * @param bootstrapServers host:port[,host:port...]
 * @param clientProperties may not set {@code bootstrap.servers} (one place says where Kafka is)
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {
    private static final Pattern JAAS_SECRET = Pattern.compile("(?i)((?:password|secret|token)\\w*\\s*=\\s*)(\"[^\"]*\"|\\S+)");

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        if (clientProperties.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("clientProperties must not set bootstrap.servers");
        }
    }

    /** A broker reached without any client properties (plaintext, defaults). */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** One client's configuration: the operator's properties, then the brokers, then {@code own}. */
    public Map<String, Object> config(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(own);
        return config;
    }

    /**
     * An exception's message fit for a log line: any value of the client properties, and anything
     * that looks like {@code password=...}, replaced by ****.
     */
    public String redact(String message) {
        if (message == null) {
            return "";
        }
        String redacted = message;
        for (String value : clientProperties.values()) {
            if (value.length() >= 4) {
                redacted = redacted.replace(value, "****");
            }
        }
        return JAAS_SECRET.matcher(redacted).replaceAll("$1****");
    }

    @Override
    public String toString() {
        // The names of the properties only: their values may be secrets.
        return "KafkaConnection[bootstrapServers=" + bootstrapServers + ", clientProperties="
                + new TreeSet<>(clientProperties.keySet()) + "]";
    }
}
