package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged alarm topology, as production scales it out: {@code java -jar
 * alarm-streams/target/warden-alarm-streams.jar}, configured only by environment variables, here
 * against a broker that demands SASL through WARDEN_KAFKA_PROPERTIES_FILE.
 */
class AlarmStreamsJarIT {
    private static final Path JAR = Path.of("..", "alarm-streams", "target", "warden-alarm-streams.jar");
    private static final String SCRAM_PASSWORD = "streams-secret-2024";
    @RegisterExtension
    static final SaslBroker broker = new SaslBroker("streams", SCRAM_PASSWORD);

    @TempDir
    Path dir;

    private Path propertiesFile(String password) throws IOException {
        return SaslBroker.propertiesFile(dir.resolve("kafka-" + password.length() + ".properties"), "streams", password);
    }

    private static Process alarmStreams(Map<String, String> env, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WARDEN_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static List<String> meaningfulLines(Path output) throws IOException {
        return Files.readAllLines(output).stream().filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("WARNING:")).toList(); // the JVM's own sun.misc.Unsafe notes
    }

    @Test
    void withoutABrokerAddressTheJarStopsWithOneLineNamingTheVariable() throws Exception {
        assertTrue(Files.exists(JAR), "run in the integration-test phase, after alarm-streams was packaged");
        Path output = Files.createTempFile("alarm-streams", ".log");

        Process process = alarmStreams(Map.of(), output);

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertEquals(List.of("warden-alarm-streams: WARDEN_KAFKA_BOOTSTRAP is required: set it to the brokers'"
                + " host:port[,host:port...]"),
                meaningfulLines(output));
    }

    @Test
    void anUnreadablePropertiesFileStopsTheJarWithOneLineNamingTheVariable() throws Exception {
        Path output = Files.createTempFile("alarm-streams", ".log");
        Path missing = dir.resolve("missing.properties");

        Process process = alarmStreams(broker.clientEnv(missing), output);

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertEquals(List.of("warden-alarm-streams: WARDEN_KAFKA_PROPERTIES_FILE cannot be read: '" + missing
                + "' (no such file)"), meaningfulLines(output));
    }

    @Test
    void aPasswordTheBrokerRefusesStopsTheJarWithOneLineThatDoesNotShowIt() throws Exception {
        Path output = Files.createTempFile("alarm-streams", ".log");

        Process process = alarmStreams(broker.clientEnv(propertiesFile("wrong-0815")), output);

        assertTrue(process.waitFor(90, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), Files.readString(output));
        String log = Files.readString(output);
        assertFalse(log.contains("wrong-0815"), log);
        List<String> ours = meaningfulLines(output).stream().filter(l -> l.startsWith("warden-alarm-streams:")).toList();
        assertEquals(1, ours.size(), log);
        assertTrue(ours.getFirst().startsWith("warden-alarm-streams: Kafka at " + broker.saslBootstrapServers()
                + " refused to authenticate (check WARDEN_KAFKA_PROPERTIES_FILE)"), ours.getFirst());
    }

    @Test
    void theStandaloneTopologyRaisesAlarmsThroughASaslBroker() throws Exception {
        Path output = Files.createTempFile("alarm-streams", ".log");
        Path properties = propertiesFile(SCRAM_PASSWORD);
        Process streams = alarmStreams(Map.of("WARDEN_KAFKA_BOOTSTRAP", broker.saslBootstrapServers(),
                "WARDEN_KAFKA_PROPERTIES_FILE", properties.toString(),
                "WARDEN_STREAMS_STATE_DIR", dir.resolve("state").toString()), output);
        try (RunningWarden warden = RunningWarden.start(Map.of("WARDEN_KAFKA_BOOTSTRAP", broker.saslBootstrapServers(),
                "WARDEN_KAFKA_PROPERTIES_FILE", properties.toString(), "WARDEN_STREAMS", "off"))) {
            ApiClient api = warden.client();
            String owner = warden.ownerToken();
            String userId = api.post("/api/admin/users", owner,
                    "{\"username\":\"travelling\",\"password\":\"a fine long passphrase\",\"role\":\"USER\"}")
                    .json().path("id").asText();
            for (int i = 2; i <= 5; i++) {
                warden.clientFrom("127.0.0." + i).login("travelling", "a fine long passphrase");
            }

            JsonNode alarm = Eventually.await("the standalone topology's alarm", Duration.ofSeconds(90), () -> {
                for (JsonNode a : api.get("/api/admin/alarms", owner).json().path("items")) {
                    if (a.path("userId").asText().equals(userId)) {
                        return a;
                    }
                }
                return null;
            }, a -> a != null || !streams.isAlive());
            assertTrue(streams.isAlive(), Files.readString(output));
            assertEquals(4, alarm.path("distinctIps").asInt());
            assertFalse(Files.readString(output).contains(SCRAM_PASSWORD), "the jar never logs the password");
        } finally {
            streams.destroy();
            assertTrue(streams.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }
}
