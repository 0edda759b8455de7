package dev.warden.adapter.kafka;

import static dev.warden.adapter.kafka.Eventually.await;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.InMemoryOutbox;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.application.service.operations.OutboxRelayService;
import dev.warden.devkafka.EmbeddedKafkaBroker;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import dev.warden.events.EventTopics;
import dev.warden.events.kafka.KafkaConnection;
import dev.warden.events.kafka.TopicProvisioning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbox -> relay loop -> idempotent producer -> a real broker, including an outage. */
class SessionEventRelayIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static EmbeddedKafkaBroker broker;

    private final InMemoryOutbox queue = new InMemoryOutbox();
    private final AtomicInteger failedPublishes = new AtomicInteger();
    private KafkaEventPublisher publisher;
    private OutboxRelayLoop loop;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(null, 0);
        TopicProvisioning.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void startRelay() {
        publisher = new KafkaEventPublisher(broker.bootstrapServers(), Duration.ofSeconds(2));
        EventPublisher counting = events -> {
            try {
                publisher.publishAll(events);
            } catch (EventPublisher.PublishFailed e) {
                failedPublishes.incrementAndGet();
                throw e;
            }
        };
        loop = new OutboxRelayLoop(new OutboxRelayService(queue, counting), queue, Duration.ofMillis(500),
                Duration.ofMillis(100), Duration.ofSeconds(1)).start();
    }

    @AfterEach
    void stopRelay() {
        loop.close();
        publisher.close();
        if (!broker.isRunning()) {
            broker.restart();
        }
    }

    @Test
    void givenEventsOfSeveralUsers_whenRelayed_thenEachArrivesAsCloudEventKeyedByUserInOrder() {
        List<SessionEvent> events = interleavedLifecycles(3);
        events.forEach(queue::append);

        await("every event is marked published", TIMEOUT, () -> queue.pendingCount() == 0);
        Map<String, ConsumerRecord<String, String>> byId = readById(events);

        for (SessionEvent event : events) {
            ConsumerRecord<String, String> record = byId.get(event.eventId().toString());
            assertEquals(event.userId().toString(), record.key());
            assertEquals(SessionEventCloudEvents.encode(event), record.value());
        }
        assertPerUserOrder(events, readAll(events));
    }

    @Test
    void givenBrokerDown_whenEventsCommitted_thenTheyStayPendingAndAllArriveInOrderAfterRestart() {
        broker.stop();
        List<SessionEvent> events = interleavedLifecycles(2);
        events.forEach(queue::append);

        await("publishing has failed twice", TIMEOUT, () -> failedPublishes.get() >= 2);
        assertEquals(events.size(), queue.pendingCount(), "nothing is marked published while Kafka is down");
        assertTrue(queue.publishedPositions().isEmpty());

        broker.restart();

        await("every event is marked published after the restart", TIMEOUT, () -> queue.pendingCount() == 0);
        assertPerUserOrder(events, readAll(events));
    }

    @Test
    void givenAccountEventsBetweenSessionEvents_whenRelayed_thenEachKindArrivesOnItsOwnTopicKeyedByUser() {
        UserId user = UserId.random();
        Account account = anAccount("acct-" + user).withId(user).createdAt(SessionEvents.CREATED_AT).build();
        SessionId session = SessionId.random();
        List<OutboxEvent> events = List.of(
                AccountEvent.of(AccountEvent.Type.CREATED, account, null, SessionEvents.CREATED_AT),
                SessionEvents.created(user, session),
                AccountEvent.of(AccountEvent.Type.DISABLED, account.disable(), UserId.random(),
                        SessionEvents.CREATED_AT.plusSeconds(5)));
        events.forEach(queue::append);

        await("every event is marked published", TIMEOUT, () -> queue.pendingCount() == 0);

        List<ConsumerRecord<String, String>> accountRecords = TopicReader.readUntil(broker.bootstrapServers(),
                EventTopics.ACCOUNT_EVENTS, TIMEOUT, read -> read.stream().filter(r -> r.key().equals(user.toString()))
                        .count() >= 2).stream().filter(r -> r.key().equals(user.toString())).toList();
        assertEquals(List.of(AccountEventCloudEvents.encode((AccountEvent) events.get(0)),
                AccountEventCloudEvents.encode((AccountEvent) events.get(2))),
                accountRecords.stream().map(ConsumerRecord::value).toList());
        assertEquals(List.of(events.get(1).eventId().toString()), readAll(List.of((SessionEvent) events.get(1)))
                .stream().map(SessionEventRelayIT::idOf).toList(), "the session event alone went to session-events");
    }

    /** Per user: created, terminated (by an admin) or expired, for a few sessions, users interleaved. */
    private static List<SessionEvent> interleavedLifecycles(int users) {
        List<UserId> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(UserId.random());
        }
        List<SessionEvent> events = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (UserId user : ids) {
                SessionId session = SessionId.random();
                Instant endedAt = SessionEvents.CREATED_AT.plusSeconds(60L * (round + 1));
                events.add(SessionEvents.created(user, session));
                events.add(round % 2 == 0
                        ? SessionEvents.terminated(user, session, UserId.random(), endedAt)
                        : SessionEvents.expired(user, session, endedAt));
            }
        }
        return events;
    }

    /** Every event's id appears; records of this test only, in partition order. */
    private static List<ConsumerRecord<String, String>> readAll(List<SessionEvent> events) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> wanted = new LinkedHashSet<>();
        events.forEach(event -> {
            users.add(event.userId().toString());
            wanted.add(event.eventId().toString());
        });
        List<ConsumerRecord<String, String>> ours = new ArrayList<>();
        TopicReader.readUntil(broker.bootstrapServers(), EventTopics.SESSION_EVENTS, TIMEOUT, read -> {
            ours.clear();
            read.stream().filter(record -> users.contains(record.key())).forEach(ours::add);
            return ours.stream().map(SessionEventRelayIT::idOf).toList().containsAll(wanted);
        });
        return ours;
    }

    private static Map<String, ConsumerRecord<String, String>> readById(List<SessionEvent> events) {
        Map<String, ConsumerRecord<String, String>> byId = new LinkedHashMap<>();
        readAll(events).forEach(record -> byId.putIfAbsent(idOf(record), record));
        return byId;
    }

    /**
     * At-least-once: a retried batch may repeat events, but the first time each event appears,
     * per user, follows commit order, and one user's events all share one partition.
     */
    private static void assertPerUserOrder(List<SessionEvent> events, List<ConsumerRecord<String, String>> records) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        events.forEach(event -> expected.computeIfAbsent(event.userId().toString(), k -> new ArrayList<>())
                .add(event.eventId().toString()));
        Map<String, LinkedHashSet<String>> firstSeen = new LinkedHashMap<>();
        Map<String, Set<Integer>> partitions = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            firstSeen.computeIfAbsent(record.key(), k -> new LinkedHashSet<>()).add(idOf(record));
            partitions.computeIfAbsent(record.key(), k -> new LinkedHashSet<>()).add(record.partition());
        }
        for (Map.Entry<String, List<String>> user : expected.entrySet()) {
            assertEquals(user.getValue(), List.copyOf(firstSeen.get(user.getKey())), "order of user " + user.getKey());
            assertEquals(1, partitions.get(user.getKey()).size(), "one partition per user");
        }
    }

    private static String idOf(ConsumerRecord<String, String> record) {
        int start = record.value().indexOf("\"id\":\"") + 6;
        return record.value().substring(start, record.value().indexOf('"', start));
    }
}
