package dev.warden.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlarmStreamsEnvTest {
    @TempDir
    Path dir;

    @Test
    void givenOnlyTheBootstrap_thenTheDefaultsApply() {
        AlarmStreamsEnv.Settings settings = AlarmStreamsEnv.read(Map.of("WARDEN_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        AlarmStreamsConfig config = settings.config(dir);

        assertEquals("127.0.0.1:9092", config.kafka().bootstrapServers());
        assertEquals("warden-alarm-streams", config.applicationId());
        assertEquals(4, config.topology().ipSpreadThreshold());
        assertEquals(Optional.empty(), settings.stateDir(), "a temporary state folder of its own, made at start");
    }

    @Test
    void givenEverySetting_thenTheyAreUsed() {
        Path stateDir = dir.resolve("state");
        AlarmStreamsEnv.Settings settings = AlarmStreamsEnv.read(Map.of(
                "WARDEN_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9093",
                "WARDEN_ALARM_IP_SPREAD_THRESHOLD", "6",
                "WARDEN_STREAMS_STATE_DIR", stateDir.toString()));
        AlarmStreamsConfig config = settings.config(settings.stateDir().orElseThrow());

        assertEquals("kafka-1:9092,kafka-2:9093", config.kafka().bootstrapServers());
        assertEquals(6, config.topology().ipSpreadThreshold());
        assertEquals(stateDir, config.stateDir());
        assertEquals(stateDir.toAbsolutePath().toString(), config.streamsProperties().get("state.dir"));
        assertEquals("exactly_once_v2", config.streamsProperties().get("processing.guarantee"));
    }

    @Test
    void givenNoBootstrap_thenTheErrorSaysItIsRequired() {
        var error = assertThrows(AlarmStreamsEnv.BadSetting.class, () -> AlarmStreamsEnv.read(Map.of()));

        assertEquals("WARDEN_KAFKA_BOOTSTRAP is required: set it to the brokers' host:port[,host:port...]",
                error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:", "localhost:99999", "a:1,b", "http://x:9092"})
    void givenABadBootstrap_thenTheErrorNamesTheVariable(String bootstrap) {
        var error = assertThrows(AlarmStreamsEnv.BadSetting.class,
                () -> AlarmStreamsEnv.read(Map.of("WARDEN_KAFKA_BOOTSTRAP", bootstrap)));

        assertTrue(error.getMessage().startsWith("WARDEN_KAFKA_BOOTSTRAP must be host:port"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "four", "4.5"})
    void givenABadThreshold_thenTheErrorNamesTheVariableAndValue(String threshold) {
        var error = assertThrows(AlarmStreamsEnv.BadSetting.class, () -> AlarmStreamsEnv.read(Map.of(
                "WARDEN_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "WARDEN_ALARM_IP_SPREAD_THRESHOLD", threshold)));

        assertEquals("WARDEN_ALARM_IP_SPREAD_THRESHOLD must be a whole number of at least 1, was '" + threshold + "'",
                error.getMessage());
    }

    @Test
    void givenAPropertiesFile_thenEveryKafkaClientGetsItsPropertiesButNotOverWardensOwn() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), """
                # a managed cluster
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                    username="warden" password="p4ss-w0rd";
                processing.guarantee=at_least_once
                """);
        AlarmStreamsEnv.Settings settings = AlarmStreamsEnv.read(Map.of("WARDEN_KAFKA_BOOTSTRAP", "kafka-1:9093",
                "WARDEN_KAFKA_PROPERTIES_FILE", file.toString()));
        AlarmStreamsConfig config = settings.config(dir);

        var streams = config.streamsProperties();
        assertEquals("SASL_SSL", streams.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", streams.get("sasl.mechanism"));
        assertTrue(streams.get("sasl.jaas.config").toString().endsWith("password=\"p4ss-w0rd\";"));
        assertEquals("exactly_once_v2", streams.get("processing.guarantee"), "what Warden fixes wins");
        assertEquals("kafka-1:9093", streams.get("bootstrap.servers"));
        assertEquals("SASL_SSL", config.kafka().config(Map.of()).get("security.protocol"), "the admin client too");
        assertFalse(config.toString().contains("p4ss-w0rd"), config.toString());
    }

    @Test
    void givenAnUnreadablePropertiesFile_thenOneLineNamesTheVariable() {
        var missing = assertThrows(AlarmStreamsEnv.BadSetting.class, () -> AlarmStreamsEnv.read(Map.of(
                "WARDEN_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "WARDEN_KAFKA_PROPERTIES_FILE", dir.resolve("nope").toString())));
        var directory = assertThrows(AlarmStreamsEnv.BadSetting.class, () -> AlarmStreamsEnv.read(Map.of(
                "WARDEN_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "WARDEN_KAFKA_PROPERTIES_FILE", dir.toString())));

        assertEquals("WARDEN_KAFKA_PROPERTIES_FILE cannot be read: '" + dir.resolve("nope") + "' (no such file)",
                missing.getMessage());
        assertEquals("WARDEN_KAFKA_PROPERTIES_FILE cannot be read: '" + dir + "' (a directory)", directory.getMessage());
    }

    @Test
    void givenAPropertiesFileThatSaysWhereKafkaIs_thenItIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), "bootstrap.servers=elsewhere:9092\n");

        var error = assertThrows(AlarmStreamsEnv.BadSetting.class, () -> AlarmStreamsEnv.read(Map.of(
                "WARDEN_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "WARDEN_KAFKA_PROPERTIES_FILE", file.toString())));

        assertTrue(error.getMessage().startsWith("WARDEN_KAFKA_PROPERTIES_FILE must not set bootstrap.servers"));
    }

    @Test
    void givenAStateDirThatIsAFile_thenItIsRejected() throws Exception {
        Path file = Files.createFile(dir.resolve("state-file"));

        var error = assertThrows(AlarmStreamsEnv.BadSetting.class, () -> AlarmStreamsEnv.read(Map.of(
                "WARDEN_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "WARDEN_STREAMS_STATE_DIR", file.toString())));

        assertTrue(error.getMessage().startsWith("WARDEN_STREAMS_STATE_DIR must be a directory"));
    }
}
