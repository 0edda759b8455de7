package dev.warden.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Building the alarm topology's streams client logs no warning: neither Kafka 4.4's "processing
 * exception handler is not enabled for the GlobalThread" (from the partition assignor's config,
 * which the main consumer's settings feed) nor, for a {@link StreamsStateFolder} in the temporary
 * directory, "Using an OS temp directory in the state.dir property". Nothing here reaches a broker:
 * the client is built and closed without starting.
 */
class QuietStreamsStartTest {
    // Kafka logs through SLF4J into java.util.logging (slf4j-jdk14); JUL holds loggers weakly.
    private static final Logger STREAMS = Logger.getLogger("org.apache.kafka.streams");
    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    private final Handler collector = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void collectWarnings() {
        STREAMS.addHandler(collector);
    }

    @AfterEach
    void stopCollecting() {
        STREAMS.removeHandler(collector);
    }

    @Test
    void theStreamsClientIsBuiltWithoutAWarning_evenWithItsStateInTheTemporaryDirectory() {
        try (StreamsStateFolder state = StreamsStateFolder.createTemporary()) {
            AlarmStreamsConfig config = AlarmStreamsConfig.of("127.0.0.1:1", 4, state.path());
            KafkaStreams streams = new KafkaStreams(AlarmTopology.buildTopology(config.topology()),
                    config.streamsProperties());
            streams.close(Duration.ofSeconds(5));
        }

        assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
    }

    /** The test can see both warnings: Kafka does log them where Warden's settings do not apply. */
    @Test
    void kafkaWarnsWithoutTheSettingAndForAStateFolderTheOperatorNamed() throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "quiet-start-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        new StreamsConfig(props);
        assertTrue(warnings.stream().anyMatch(r -> r.getMessage().contains("not enabled for the GlobalThread")),
                "Kafka 4.4 warns without processing.exception.handler.global.enabled");

        AlarmStreamsLogging.acceptThrowawayStateFolders();
        Path named = Files.createTempDirectory("operator-named-state");
        try {
            AlarmStreamsConfig config = AlarmStreamsConfig.of("127.0.0.1:1", 4, named);
            KafkaStreams streams = new KafkaStreams(AlarmTopology.buildTopology(config.topology()),
                    config.streamsProperties());
            streams.close(Duration.ofSeconds(5));
        } finally {
            try (var paths = Files.walk(named)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        assertTrue(warnings.stream().anyMatch(r -> r.getMessage().startsWith(AlarmStreamsLogging.TEMP_STATE_DIR_WARNING)),
                "a folder in the temporary directory that is not a StreamsStateFolder still gets Kafka's advice");
        assertFalse(AlarmStreamsLogging.isAboutAThrowawayFolder("Using an OS temp directory in the state.dir property"
                + " can cause failures ... Resolved state.dir: [" + named + "]"));
    }
}
