package dev.warden.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BootstrapServersTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:9092", "kafka-1:9092,kafka-2:9093", "k1:9092, k2:9092", " kafka.internal:1 ",
            "b-1.msk.eu-west-1.amazonaws.com:9096", "k:65535"})
    void brokerAddressesAreAccepted(String servers) {
        assertTrue(BootstrapServers.isValid(servers), servers);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "localhost", "localhost:", "localhost:0", "localhost:99999", "localhost:65536", "a:1,b",
            "a:1,", "a:1,,b:2", "http://x:9092", "not a host", "k 1:9092", ":9092", "embedded"})
    void anythingElseIsRefused(String servers) {
        assertFalse(BootstrapServers.isValid(servers), servers);
    }
}
