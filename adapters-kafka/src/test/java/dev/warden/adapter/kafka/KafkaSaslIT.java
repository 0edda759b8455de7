package dev.warden.adapter.kafka;

import static dev.warden.adapter.kafka.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.InMemoryOutbox;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.application.service.operations.OutboxRelayService;
import dev.warden.devkafka.EmbeddedKafkaBroker;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import dev.warden.events.EventTopics;
import dev.warden.events.kafka.KafkaClientSettingsRejected;
import dev.warden.events.kafka.KafkaConnection;
import dev.warden.events.kafka.TopicProvisioning;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's Kafka clients against a broker that demands SASL (SCRAM-SHA-512), configured only
 * through client properties, as WARDEN_KAFKA_PROPERTIES_FILE gives them.
 */
class KafkaSaslIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "scram-secret-4711";
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startWithScram();
        broker.upsertScramUser("warden", PASSWORD);
        TopicProvisioning.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    static KafkaConnection scram(String user, String password) {
        return new KafkaConnection(broker.saslBootstrapServers(), Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";"));
    }

    @Test
    void withTheRightCredentialsTopicsAreCreatedAndEventsPublished() {
        KafkaConnection kafka = scram("warden", PASSWORD);
        TopicProvisioning.ensureTopics(kafka);
        SessionEvent event = SessionEvents.created(UserId.random(), SessionId.random());

        try (KafkaEventPublisher publisher = new KafkaEventPublisher(kafka, Duration.ofSeconds(5))) {
            publisher.publishAll(List.of(event));
        }

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(broker.bootstrapServers(),
                EventTopics.SESSION_EVENTS, TIMEOUT, read -> read.stream().anyMatch(r -> r.value().contains(
                        event.eventId().toString())));
        assertTrue(records.stream().anyMatch(r -> r.key().equals(event.userId().toString())));
    }

    @Test
    void aWrongPasswordIsRejectedAtOnceWithALineThatDoesNotShowIt() {
        KafkaClientSettingsRejected rejected = assertThrows(KafkaClientSettingsRejected.class,
                () -> TopicProvisioning.ensureTopics(scram("warden", "a-wrong-guess-1234")));

        assertTrue(rejected.getMessage().contains("refused to authenticate"), rejected.getMessage());
        assertFalse(rejected.getMessage().contains("a-wrong-guess-1234"), rejected.getMessage());
        assertFalse(rejected.getMessage().contains("\n"));
    }

    @Test
    void settingsNoClientCanUseAreRejectedWithoutShowingThem() {
        KafkaConnection noJaasLine = new KafkaConnection(broker.saslBootstrapServers(), Map.of(
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512"));

        KafkaClientSettingsRejected rejected = assertThrows(KafkaClientSettingsRejected.class,
                () -> TopicProvisioning.ensureTopics(noJaasLine));
        assertTrue(rejected.getMessage().startsWith("no Kafka client can be built"), rejected.getMessage());
    }

    @Test
    void whileTheBrokerRefusesTheCredentialsEventsStayInTheOutboxAndGoOutOnceTheyWork() {
        String user = "relay-" + System.nanoTime();
        InMemoryOutbox queue = new InMemoryOutbox();
        AtomicInteger refusals = new AtomicInteger();
        AtomicReference<String> lastFailure = new AtomicReference<>();
        UserId userId = UserId.random();
        List<SessionEvent> events = List.of(SessionEvents.created(userId, SessionId.random()),
                SessionEvents.created(userId, SessionId.random()), SessionEvents.created(userId, SessionId.random()));
        events.forEach(queue::append);

        try (KafkaEventPublisher publisher = new KafkaEventPublisher(scram(user, PASSWORD), Duration.ofSeconds(2))) {
            EventPublisher counting = batch -> {
                try {
                    publisher.publishAll(batch);
                } catch (EventPublisher.PublishFailed e) {
                    refusals.incrementAndGet();
                    lastFailure.set(e.getMessage());
                    throw e;
                }
            };
            try (OutboxRelayLoop loop = new OutboxRelayLoop(new OutboxRelayService(queue, counting), queue,
                    Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(500)).start()) {
                await("publishing was refused three times", TIMEOUT, () -> refusals.get() >= 3);
                assertEquals(events.size(), queue.pendingCount(), "nothing is marked published while refused");
                assertTrue(lastFailure.get().toLowerCase().contains("authentication"), lastFailure.get());

                broker.upsertScramUser(user, PASSWORD); // the operator fixes the credentials at the broker

                await("every event is published once the credentials work", TIMEOUT, () -> queue.pendingCount() == 0);
            }
        }
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(broker.bootstrapServers(),
                EventTopics.SESSION_EVENTS, TIMEOUT, read -> events.stream().allMatch(e -> read.stream()
                        .anyMatch(r -> r.value().contains(e.eventId().toString()))));
        assertEquals(3, records.stream().filter(r -> r.key().equals(userId.toString()))
                .map(r -> r.value()).distinct().count());
    }
}
