package dev.warden.adapter.kafka;

import static dev.warden.adapter.kafka.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.application.port.in.alarms.RecordAlarmEventUseCase;
import dev.warden.devkafka.EmbeddedKafkaBroker;
import dev.warden.domain.AlarmEvent;
import dev.warden.events.EventTopics;
import dev.warden.events.kafka.KafkaConnection;
import dev.warden.events.kafka.TopicProvisioning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaAlarmConsumerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String USER = "8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11";
    private static EmbeddedKafkaBroker broker;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(null, 0);
        TopicProvisioning.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.close();
    }

    @Test
    void givenRaisedMalformedResolvedAndReplay_whenConsumed_thenOneResolvedAlarmAndOffsetsCommitted() {
        UUID alarmId = UUID.randomUUID();
        String raised = alarmJson(UUID.randomUUID(), "raised", alarmId, 4);
        String resolved = alarmJson(UUID.randomUUID(), "resolved", alarmId, 3);
        send(raised);
        send("{\"specversion\":\"1.0\",\"type\":\"warden.alarm.ip-spread.raised\"");
        send(resolved);

        IdempotentAlarmStore store = new IdempotentAlarmStore();
        try (KafkaAlarmConsumer consumer = new KafkaAlarmConsumer(broker.bootstrapServers(), store).start()) {
            await("raised and resolved are recorded", TIMEOUT, () -> store.calls().size() >= 2);
            assertEquals(List.of(AlarmEvent.Kind.RAISED, AlarmEvent.Kind.RESOLVED),
                    store.calls().stream().map(AlarmEvent::kind).toList(), "the malformed one is skipped");
            AlarmEvent first = store.calls().getFirst();
            assertEquals(alarmId, first.alarmId());
            assertEquals(USER, first.userId().toString());
            assertEquals(4, first.distinctIps());

            send(raised); // at-least-once: the topology may redeliver an event

            await("the duplicate is passed on", TIMEOUT, () -> store.calls().size() >= 3);
            assertEquals(Map.of(alarmId, "RESOLVED"), store.alarms(), "the duplicate changed nothing");
        }

        // Offsets were committed after processing: a restarted consumer sees only what is new.
        UUID laterAlarm = UUID.randomUUID();
        send(alarmJson(UUID.randomUUID(), "raised", laterAlarm, 5));
        IdempotentAlarmStore afterRestart = new IdempotentAlarmStore();
        try (KafkaAlarmConsumer consumer = new KafkaAlarmConsumer(broker.bootstrapServers(), afterRestart).start()) {
            await("the new alarm is recorded", TIMEOUT, () -> !afterRestart.calls().isEmpty());
            sleepBriefly();
            assertEquals(List.of(laterAlarm), afterRestart.calls().stream().map(AlarmEvent::alarmId).toList());
        }
    }

    @Test
    void givenStoreFailsOnce_whenConsumed_thenEventRetriedNotLost() {
        UUID alarmId = UUID.randomUUID();
        IdempotentAlarmStore store = new IdempotentAlarmStore();
        store.failOnceFor(alarmId);

        try (KafkaAlarmConsumer consumer = new KafkaAlarmConsumer(broker.bootstrapServers(), "retry-group", store)
                .start()) {
            send(alarmJson(UUID.randomUUID(), "raised", alarmId, 4));

            await("the alarm is recorded on the retry", TIMEOUT, () -> store.alarms().containsKey(alarmId));
            assertEquals("OPEN", store.alarms().get(alarmId));
            assertEquals(1, store.calls().stream().filter(event -> event.alarmId().equals(alarmId)).count());
        }
    }

    private static void send(String value) {
        try {
            producer.send(new ProducerRecord<>(EventTopics.SESSION_ALARMS, USER, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce the test record", e);
        }
    }

    private static String alarmJson(UUID eventId, String transition, UUID alarmId, int distinctIps) {
        return """
                {"specversion":"1.0","id":"%s","source":"warden","type":"warden.alarm.ip-spread.%s",
                 "time":"2026-11-26T15:10:00Z","subject":"%s","datacontenttype":"application/json",
                 "data":{"alarmId":"%s","userId":"%s","username":"alice","distinctIps":%d,"threshold":4,
                         "at":"2026-11-26T15:10:00Z"}}
                """.formatted(eventId, transition, USER, alarmId, USER, distinctIps);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Like the real store: an event id seen before changes nothing. */
    private static final class IdempotentAlarmStore implements RecordAlarmEventUseCase {
        private final List<AlarmEvent> calls = new ArrayList<>();
        private final Set<UUID> seen = new HashSet<>();
        private final Map<UUID, String> alarms = new HashMap<>();
        private UUID failOnceFor;

        synchronized void failOnceFor(UUID alarmId) {
            failOnceFor = alarmId;
        }

        @Override
        public synchronized void record(AlarmEvent event) {
            if (event.alarmId().equals(failOnceFor)) {
                failOnceFor = null;
                throw new IllegalStateException("database unavailable (scripted)");
            }
            calls.add(event);
            if (seen.add(event.eventId())) {
                alarms.put(event.alarmId(), event.kind() == AlarmEvent.Kind.RAISED ? "OPEN" : "RESOLVED");
            }
        }

        synchronized List<AlarmEvent> calls() {
            return List.copyOf(calls);
        }

        synchronized Map<UUID, String> alarms() {
            return Map.copyOf(alarms);
        }
    }
}
