package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.devkafka.EmbeddedKafkaBroker;
import dev.warden.events.EventTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whichever process reaches a new broker first creates the topics, and what it creates must not
 * depend on which: the standalone alarm topology (its packaged jar) started before the service, and
 * the service started alone, leave the same topics with the same partition count, on a broker whose
 * own default is one partition as Kafka ships it (the topology used to take the broker's default).
 */
class TopicPartitionsIT {
    private static final Path JAR = Path.of("..", "alarm-streams", "target", "warden-alarm-streams.jar");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private static Map<String, Integer> partitions(EmbeddedKafkaBroker broker) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            Map<String, Integer> counts = new TreeMap<>();
            if (names.containsAll(EventTopics.ALL)) {
                admin.describeTopics(EventTopics.ALL).allTopicNames().get(10, TimeUnit.SECONDS)
                        .forEach((name, topic) -> counts.put(name, topic.partitions().size()));
            }
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Process standaloneTopology(EmbeddedKafkaBroker broker, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WARDEN_"));
        builder.environment().putAll(Map.of("WARDEN_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                "WARDEN_STREAMS_STATE_DIR", dir.resolve("state").toString()));
        return builder.start();
    }

    @Test
    void theTopologyStartedFirstAndTheServiceStartedFirstCreateTheSameTopics() throws Exception {
        assertTrue(Files.exists(JAR), "run in the integration-test phase, after alarm-streams was packaged");
        Map<String, Integer> contract = new TreeMap<>();
        EventTopics.ALL.forEach(topic -> contract.put(topic, EventTopics.PARTITIONS));

        Map<String, Integer> topologyFirst;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startWithDefaultPartitions(1)) {
            Path output = Files.createTempFile("alarm-streams", ".log");
            Process streams = standaloneTopology(broker, output);
            try {
                topologyFirst = Eventually.await("the standalone topology's topics", WAIT, () -> partitions(broker),
                        counts -> !counts.isEmpty() || !streams.isAlive());
                assertTrue(streams.isAlive(), Files.readString(output));
                try (RunningWarden warden = RunningWarden.start(Map.of("WARDEN_KAFKA_BOOTSTRAP",
                        broker.bootstrapServers(), "WARDEN_STREAMS", "off"))) {
                    assertEquals(topologyFirst, partitions(broker), "the service leaves existing topics as they are");
                }
            } finally {
                streams.destroy();
                assertTrue(streams.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
            }
        }
        Map<String, Integer> serviceFirst;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startWithDefaultPartitions(1);
             RunningWarden warden = RunningWarden.start(Map.of("WARDEN_KAFKA_BOOTSTRAP", broker.bootstrapServers(),
                     "WARDEN_STREAMS", "off"))) {
            serviceFirst = partitions(broker);
        }

        assertEquals(contract, topologyFirst);
        assertEquals(contract, serviceFirst);
    }
}
