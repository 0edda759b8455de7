package dev.warden.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.EventPublisher.PublishFailed;
import dev.warden.domain.UserId;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the relay's failure says when no broker answers: the line the log and the management health show. */
class KafkaEventPublisherTest {

    @Test
    void givenNoBrokerAnswers_thenTheFailureSaysKafkasWordsAndTheLikelyCauses() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (KafkaEventPublisher publisher = new KafkaEventPublisher("127.0.0.1:" + closedPort, Duration.ofSeconds(1))) {

            PublishFailed failed = assertThrows(PublishFailed.class,
                    () -> publisher.publishAll(List.of(SessionEvents.anyEvent(UserId.random()))));

            assertTrue(failed.getMessage().startsWith("Kafka did not acknowledge an event: "), failed.getMessage());
            assertTrue(failed.getMessage().endsWith(KafkaEventPublisher.NO_ANSWER), failed.getMessage());
            assertEquals(1, failed.getMessage().lines().count(), failed.getMessage());
        }
    }
}
