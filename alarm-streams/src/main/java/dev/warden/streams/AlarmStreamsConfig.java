package dev.warden.streams;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How to run the alarm streams app.
 *
 * @param bootstrapServers Kafka's host:port list
 * @param applicationId    consumer group and prefix of internal topics; "warden-alarm-streams" normally
 * @param topology         the threshold
 * @param stateDir         where the local store lives; restored from its changelog when empty
 */
public record AlarmStreamsConfig(String bootstrapServers, String applicationId,
                                 AlarmTopologySettings topology, Path stateDir) {
    public static final String DEFAULT_APPLICATION_ID = "warden-alarm-streams";
    /** Small so alarms show within about a second; exactly-once only publishes on commit. */
    static final int COMMIT_INTERVAL_MS = 100;
    static final long POLL_MS = 10;

    public AlarmStreamsConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(stateDir, "stateDir");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
    }

    /** The service's usual wiring: default application id. */
    public static AlarmStreamsConfig of(String bootstrapServers, int ipSpreadThreshold, Path stateDir) {
        return new AlarmStreamsConfig(bootstrapServers, DEFAULT_APPLICATION_ID,
                new AlarmTopologySettings(ipSpreadThreshold), stateDir);
    }

    public Properties streamsProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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
}
