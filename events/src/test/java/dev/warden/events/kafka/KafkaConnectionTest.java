package dev.warden.events.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaConnectionTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"warden\" password=\"s3cret-pass\";";

    @Test
    void theOperatorsPropertiesApplyAndWhatTheClientFixesWins() {
        KafkaConnection kafka = new KafkaConnection("k1:9092", Map.of("security.protocol", "SASL_SSL",
                "enable.idempotence", "false", "request.timeout.ms", "20000"));

        Map<String, Object> config = kafka.config(Map.of("enable.idempotence", true));

        assertEquals("SASL_SSL", config.get("security.protocol"));
        assertEquals("20000", config.get("request.timeout.ms"));
        assertEquals(true, config.get("enable.idempotence"));
        assertEquals("k1:9092", config.get("bootstrap.servers"));
    }

    @Test
    void thePropertiesMayNotSayWhereKafkaIs() {
        assertThrows(IllegalArgumentException.class,
                () -> new KafkaConnection("k1:9092", Map.of("bootstrap.servers", "elsewhere:9092")));
    }

    @Test
    void neitherToStringNorARedactedMessageShowsASecret() {
        KafkaConnection kafka = new KafkaConnection("k1:9092", Map.of("sasl.jaas.config", JAAS,
                "ssl.truststore.password", "trust-me-42"));

        assertFalse(kafka.toString().contains("s3cret-pass"), kafka.toString());
        assertFalse(kafka.toString().contains("trust-me-42"), kafka.toString());
        String message = kafka.redact("bad value " + JAAS + " and trust-me-42 and password=\"other-one\"");
        assertFalse(message.contains("s3cret-pass"), message);
        assertFalse(message.contains("trust-me-42"), message);
        assertFalse(message.contains("other-one"), message);
    }

    @Test
    void settingsEveryClientCanUsePassTheCheckWithoutAnyBroker() {
        new KafkaConnection("nowhere.invalid:9092", Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config", JAAS, "request.timeout.ms", "20000",
                "linger.ms", "5", "max.poll.records", "100")).checkClientProperties();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "security.protocol|SASL_PLAINTEXTX",
        "request.timeout.ms|twenty seconds",
        "linger.ms|-1",
        "max.poll.records|0"})
    void aValueNoClientAcceptsIsRejectedBeforeAnyClientIsBuilt(String key, String value) {
        KafkaClientSettingsRejected rejected = assertThrows(KafkaClientSettingsRejected.class,
                () -> new KafkaConnection("nowhere.invalid:9092", Map.of(key, value)).checkClientProperties());

        assertTrue(rejected.getMessage().startsWith("no Kafka client can be built from these settings: "),
                rejected.getMessage());
        assertTrue(rejected.getMessage().contains(key), rejected.getMessage());
    }

    @Test
    void aRejectedValueIsNotShownForItMayBeASecretOnTheWrongLine() {
        KafkaClientSettingsRejected rejected = assertThrows(KafkaClientSettingsRejected.class,
                () -> new KafkaConnection("nowhere.invalid:9092", Map.of("request.timeout.ms", "s3cret-pass"))
                        .checkClientProperties());

        assertFalse(rejected.getMessage().contains("s3cret-pass"), rejected.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "org.apache.kafka.common.security.scram.ScramLoginModule username=\"warden\""
            + " password=\"s3cret-pass\";"})
    void aSaslProtocolWithoutAJaasLineThatParsesIsRejectedWithoutShowingIt(String jaas) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512"));
        if (!jaas.isEmpty()) {
            properties.put("sasl.jaas.config", jaas); // no "required": not a JAAS line
        }

        KafkaClientSettingsRejected rejected = assertThrows(KafkaClientSettingsRejected.class,
                () -> new KafkaConnection("nowhere.invalid:9092", properties).checkClientProperties());

        assertFalse(rejected.getMessage().contains("s3cret-pass"), rejected.getMessage());
        assertFalse(rejected.getMessage().contains("\n"), rejected.getMessage());
    }
}
