package dev.warden.events.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsRejectedTest {
    private final KafkaConnection kafka = new KafkaConnection("k1:9093", Map.of("ssl.keystore.password", "store-secret-9"));

    @Test
    void aRefusalNamesTheBrokersInOneLineWithoutASecret() {
        KafkaClientSettingsRejected rejected = KafkaClientSettingsRejected.authenticationRefused(kafka,
                new SaslAuthenticationException("bad store-secret-9 and password=\"jaas-secret\"\nsecond line"));

        assertTrue(rejected.authenticationRefused());
        assertTrue(rejected.getMessage().startsWith("Kafka at k1:9093 refused to authenticate Warden: "),
                rejected.getMessage());
        assertEquals(rejected.reason(), rejected.getMessage().substring(rejected.getMessage().indexOf(": ") + 2));
        for (String text : new String[] {rejected.getMessage(), rejected.reason()}) {
            assertFalse(text.contains("store-secret-9"), text);
            assertFalse(text.contains("jaas-secret"), text);
            assertFalse(text.contains("\n"), text);
        }
    }

    @Test
    void settingsNoClientCanUseNameTheProblemWithoutASecret() {
        KafkaClientSettingsRejected rejected = KafkaClientSettingsRejected.noClient(kafka,
                new ConfigException("Invalid value store-secret-9 for ssl.keystore.password"));

        assertFalse(rejected.authenticationRefused());
        assertEquals("no Kafka client can be built from these settings: ConfigException: Invalid value **** for"
                + " ssl.keystore.password", rejected.getMessage());
    }
}
