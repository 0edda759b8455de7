package dev.warden.events.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
