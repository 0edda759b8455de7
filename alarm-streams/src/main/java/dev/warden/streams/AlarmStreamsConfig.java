package dev.warden.streams;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How to run the alarm streams app.
 *
 * @param bootstrapServers Kafka's host:port list
 * @param applicationId    consumer group and prefix of internal topics; "warden-alarm-streams" normally
 * @param topology         the threshold
 * @param stateDir         where the local store lives; restored from its changelog when empty
 * @param clientProperties the operator's Kafka client properties (WARDEN_KAFKA_PROPERTIES_FILE: security,
 *                         timeouts), applied to the streams' producer, consumers and admin client; the
 *                         settings below win over them. Values may be secrets: never printed
 */
public record AlarmStreamsConfig(String bootstrapServers, String applicationId,
                                 AlarmTopologySettings topology, Path stateDir, Map<String, String> clientProperties) {
    public static final String DEFAULT_APPLICATION_ID = "warden-alarm-streams";
    /** Small so alarms show within about a second; exactly-once only publishes on commit. */
    static final int COMMIT_INTERVAL_MS = 100;
    static final long POLL_MS = 10;

    public AlarmStreamsConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(stateDir, "stateDir");
        clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, "clientProperties"));
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        if (clientProperties.containsKey(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("clientProperties must not set bootstrap.servers");
        }
    }

    /** The service's usual wiring: default application id, no client properties. */
    public static AlarmStreamsConfig of(String bootstrapServers, int ipSpreadThreshold, Path stateDir) {
        return new AlarmStreamsConfig(bootstrapServers, DEFAULT_APPLICATION_ID,
                new AlarmTopologySettings(ipSpreadThreshold), stateDir, Map.of());
    }

    /** The same, with the operator's Kafka client properties. */
    public AlarmStreamsConfig withClientProperties(Map<String, String> properties) {
        return new AlarmStreamsConfig(bootstrapServers, applicationId, topology, stateDir, properties);
    }

    /** What every Kafka client of the app gets: the operator's properties, then the brokers. */
    Properties kafkaClientConfig(Map<String, Object> own) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(own);
        return props;
    }

    public Properties streamsProperties() {
        Properties props = kafkaClientConfig(Map.of());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        // The default 100 ms poll wait after each processed batch dominated alarm latency
        // (docs/benchmarks.md, "Alarm topology"); 10 ms keeps the thread responsive at no measurable cost.
        props.put(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        // Kafka 4 warns unless this is set; it becomes the default in Kafka 5.
        props.put("processing.exception.handler.global.enabled", true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndSkipDeserializationHandler.class.getName());
        return props;
    }

    @Override
    public String toString() {
        // The names of the client properties only: their values may be secrets.
        return "AlarmStreamsConfig[bootstrapServers=" + bootstrapServers + ", applicationId=" + applicationId
                + ", topology=" + topology + ", stateDir=" + stateDir + ", clientProperties="
                + new TreeSet<>(clientProperties.keySet()) + "]";
    }
}
