package dev.warden.events.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

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

    /**
     * Parses the client properties as the admin client, the producer and the consumer will, without
     * building a client or connecting to anything: a value of the wrong type or out of its range, an
     * unknown security protocol, or a SASL protocol without a JAAS line that parses fails here, so
     * start-up can name the file before anything starts.
     *
     * @throws KafkaClientSettingsRejected saying what is wrong; no value of the properties is shown
     */
    public void checkClientProperties() {
        Map<String, Object> config = config(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        try {
            AdminClientConfig.configDef().parse(config);
            ProducerConfig.configDef().parse(config);
            Map<String, Object> parsed = ConsumerConfig.configDef().parse(config);
            String protocol = (String) parsed.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
            if (protocol.toUpperCase(Locale.ROOT).startsWith("SASL_")) {
                JaasContext.loadClientContext(parsed); // parses sasl.jaas.config; logs nobody in
            }
        } catch (KafkaException | IllegalArgumentException | SecurityException e) {
            throw KafkaClientSettingsRejected.noClient(this, e);
        }
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
