package dev.warden.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

        assertEquals("127.0.0.1:9092", config.bootstrapServers());
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

        assertEquals("kafka-1:9092,kafka-2:9093", config.bootstrapServers());
        assertEquals(6, config.topology().ipSpreadThreshold());
        assertEquals(stateDir, config.stateDir());
        assertEquals(stateDir.toAbsolutePath().toString(), config.streamsProperties().get("state.dir"));
        assertEquals("exactly_once_v2", config.streamsProperties().get("processing.guarantee"));
    }

    @Test
    void givenNoBootstrap_thenTheErrorSaysItIsRequired() {
        var error = assertThrows(AlarmStreamsEnv.BadSetting.class, () -> AlarmStreamsEnv.read(Map.of()));

        assertEquals("WARDEN_KAFKA_BOOTSTRAP is required (host:port of a Kafka broker)", error.getMessage());
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
    void givenAStateDirThatIsAFile_thenItIsRejected() throws Exception {
        Path file = Files.createFile(dir.resolve("state-file"));

        var error = assertThrows(AlarmStreamsEnv.BadSetting.class, () -> AlarmStreamsEnv.read(Map.of(
                "WARDEN_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "WARDEN_STREAMS_STATE_DIR", file.toString())));

        assertTrue(error.getMessage().startsWith("WARDEN_STREAMS_STATE_DIR must be a directory"));
    }
}
