package dev.warden.streams;

import dev.warden.events.EventTopics;
import dev.warden.events.kafka.KafkaConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How to run the alarm streams app.
 *
 * @param kafka         the brokers and the operator's Kafka client properties (WARDEN_KAFKA_PROPERTIES_FILE:
 *                      security, timeouts), applied to the streams' producer, consumers and admin client; the
 *                      settings below win over them. Never printed with the values of its properties
 * @param applicationId consumer group and prefix of internal topics; "warden-alarm-streams" normally
 * @param topology      the threshold
 * @param stateDir      where the local store lives; restored from its changelog when empty
 */
public record AlarmStreamsConfig(KafkaConnection kafka, String applicationId, AlarmTopologySettings topology,
                                 Path stateDir) {
    public static final String DEFAULT_APPLICATION_ID = "warden-alarm-streams";
    /**
     * Exactly-once publishes only on commit, so this bounds how late an alarm shows: 50 ms measured a
     * p99 of 78 ms from event to alarm, 100 ms one of 123 ms, at no measurable cost in events/s
     * (docs/benchmarks.md, section 3).
     */
    static final int COMMIT_INTERVAL_MS = 50;
    static final long POLL_MS = 10;
    /** Kafka 4.4's switch (its constant is deprecated: Kafka 5 drops it and always does this). */
    static final String GLOBAL_PROCESSING_EXCEPTION_HANDLER = "processing.exception.handler.global.enabled";

    public AlarmStreamsConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(stateDir, "stateDir");
    }

    /** The service's usual wiring: default application id. */
    public static AlarmStreamsConfig of(KafkaConnection kafka, int ipSpreadThreshold, Path stateDir) {
        return new AlarmStreamsConfig(kafka, DEFAULT_APPLICATION_ID, new AlarmTopologySettings(ipSpreadThreshold),
                stateDir);
    }

    /** The same for brokers reached without any client properties (plaintext, defaults). */
    public static AlarmStreamsConfig of(String bootstrapServers, int ipSpreadThreshold, Path stateDir) {
        return of(KafkaConnection.plaintext(bootstrapServers), ipSpreadThreshold, stateDir);
    }

    /**
     * One stream thread per two cores, at least one, at most one per partition (a thread beyond that
     * gets no task). The topology shares its JVM with the HTTP server, whose session check is on
     * every request of every service that trusts Warden, so it may take half the cores, no more.
     * On 2 cores one thread also carried as many events/s as two or three (fewer transactions:
     * each thread commits its own), with less CPU (docs/benchmarks.md section 3).
     */
    static int streamThreads(int cores) {
        return Math.max(1, Math.min(cores / 2, EventTopics.PARTITIONS));
    }

    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(kafka.config(Map.of()));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        // The default 100 ms poll wait after each processed batch dominated alarm latency
        // (docs/benchmarks.md, "Alarm topology"); 10 ms keeps the thread responsive at no measurable cost.
        props.put(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads(Runtime.getRuntime().availableProcessors()));
        // The default from Kafka 5 on. Kafka 4.4 warns "not enabled for the GlobalThread" from every
        // StreamsConfig built without it, and it builds one more inside KafkaStreams' constructor: the
        // partition assignor's, from the main consumer's configs. Streams passes "main.consumer."-prefixed
        // settings on to those (the prefix stripped), so that config gets it too and nothing warns.
        props.put(GLOBAL_PROCESSING_EXCEPTION_HANDLER, true);
        props.put(StreamsConfig.mainConsumerPrefix(GLOBAL_PROCESSING_EXCEPTION_HANDLER), true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndSkipDeserializationHandler.class.getName());
        return props;
    }
}
