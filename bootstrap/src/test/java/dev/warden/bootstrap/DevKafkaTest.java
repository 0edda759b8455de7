package dev.warden.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.devkafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;

class DevKafkaTest {

    @Test
    void theBrokerIsLookedUpByItsRealName() {
        assertEquals(EmbeddedKafkaBroker.class.getName(), DevKafka.BROKER_CLASS);
        assertTrue(DevKafka.onClassPath(), "the tests have the dev tooling on their class path");
    }
}
