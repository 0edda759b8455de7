package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedKafkaTest {

    @Test
    void aConfiguredBrokerWinsWithoutAskingDocker_andWithoutOneDockerWinsOverTheEmbeddedBroker() {
        assertEquals(SharedKafka.Source.CONFIGURED, SharedKafka.choose(Map.of("WARDEN_TEST_KAFKA", "k:9092"), () -> {
            throw new AssertionError("Docker is not asked when a broker is configured");
        }));
        assertEquals(SharedKafka.Source.CONTAINER, SharedKafka.choose(Map.of(), () -> true));
        assertEquals(SharedKafka.Source.EMBEDDED, SharedKafka.choose(Map.of(), () -> false));
    }

    @Test
    void aBlankSettingCountsAsNone() {
        assertEquals(SharedKafka.Source.EMBEDDED, SharedKafka.choose(Map.of("WARDEN_TEST_KAFKA", " "), () -> false));
    }
}
