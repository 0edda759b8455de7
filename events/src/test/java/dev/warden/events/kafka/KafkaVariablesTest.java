package dev.warden.events.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.events.VariableRejected;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaVariablesTest {
    @TempDir
    Path dir;

    @Test
    void theBrokersAreReadStrippedAndAreOptionalUnlessRequired() {
        assertEquals(Optional.of("k1:9092,k2:9093"),
                KafkaVariables.bootstrapServers(Map.of("WARDEN_KAFKA_BOOTSTRAP", " k1:9092,k2:9093 ")));
        assertEquals(Optional.empty(), KafkaVariables.bootstrapServers(Map.of("WARDEN_KAFKA_BOOTSTRAP", " ")));

        var missing = assertThrows(VariableRejected.class, () -> KafkaVariables.requiredBootstrapServers(Map.of()));

        assertEquals("WARDEN_KAFKA_BOOTSTRAP is required: set it to the brokers' host:port[,host:port...]",
                missing.getMessage());
        assertEquals("WARDEN_KAFKA_BOOTSTRAP is required outside dev mode: set it to the brokers'"
                + " host:port[,host:port...]", KafkaVariables.bootstrapRequired("outside dev mode"));
    }

    @Test
    void aMalformedAddressIsOneLineNamingTheVariableAndTheValue() {
        var error = assertThrows(VariableRejected.class,
                () -> KafkaVariables.bootstrapServers(Map.of("WARDEN_KAFKA_BOOTSTRAP", "http://k1:9092")));

        assertEquals("WARDEN_KAFKA_BOOTSTRAP must be host:port[,host:port...], was 'http://k1:9092'", error.getMessage());
    }

    @Test
    void aPropertiesFileThatIsNotUtf8IsNamedWithoutItsContent() throws Exception {
        Path file = Files.write(dir.resolve("kafka.properties"), new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe});

        var error = assertThrows(VariableRejected.class,
                () -> KafkaVariables.clientProperties(Map.of("WARDEN_KAFKA_PROPERTIES_FILE", file.toString())));

        assertEquals("WARDEN_KAFKA_PROPERTIES_FILE cannot be read: '" + file + "' (not UTF-8 text)", error.getMessage());
    }

    @Test
    void clientPropertiesNoClientAcceptsAreNamedWithoutTheirValues() {
        KafkaConnection kafka = new KafkaConnection("k1:9092", Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", "nonsense password=\"pw-1234\""));

        var error = assertThrows(VariableRejected.class, () -> KafkaVariables.checkClientProperties(kafka));

        assertTrue(error.getMessage().startsWith("WARDEN_KAFKA_PROPERTIES_FILE: no Kafka client can be built"),
                error.getMessage());
        assertFalse(error.getMessage().contains("pw-1234"), error.getMessage());
    }
}
