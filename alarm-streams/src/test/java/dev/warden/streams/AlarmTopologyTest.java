package dev.warden.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.warden.events.CloudEvent;
import dev.warden.events.EventTopics;
import dev.warden.events.IpSpreadAlarmData;
import dev.warden.events.SessionTerminatedData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmTopologyTest {
    private static final int THRESHOLD = 4;
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String ALICE = "0b0e7c1e-1111-4a4a-8a8a-000000000001";
    private static final String BOB = "0b0e7c1e-2222-4b4b-8b8b-000000000002";
    private static final String ADMIN = "0b0e7c1e-3333-4c4c-8c8c-000000000003";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> sessionEvents;
    private TestOutputTopic<String, CloudEvent<SessionTerminatedData>> terminated;
    private TestOutputTopic<String, CloudEvent<IpSpreadAlarmData>> alarms;
    private KeyValueStore<String, UserSessions> store;

    @BeforeEach
    void startDriver() {
        startDriver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void startDriver(Path dir) {
        driver = new TopologyTestDriver(AlarmTopology.buildTopology(new AlarmTopologySettings(THRESHOLD)),
                AlarmStreamsConfig.of("unused:9092", THRESHOLD, dir).streamsProperties());
        sessionEvents = driver.createInputTopic(EventTopics.SESSION_EVENTS,
                new StringSerializer(), new StringSerializer());
        terminated = driver.createOutputTopic(EventTopics.SESSION_TERMINATED, new StringDeserializer(),
                JsonSerde.of(new TypeReference<CloudEvent<SessionTerminatedData>>() {
                }).deserializer());
        alarms = driver.createOutputTopic(EventTopics.SESSION_ALARMS, new StringDeserializer(),
                JsonSerde.of(new TypeReference<CloudEvent<IpSpreadAlarmData>>() {
                }).deserializer());
        store = driver.getKeyValueStore(AlarmTopology.USER_SESSIONS_STORE);
    }

    // --- threshold transitions -------------------------------------------------------------

    @Test
    void givenThreeIps_whenAFourthIpLogsIn_thenOneAlarmIsRaised_andEndingOneResolvesItWithTheSameAlarmId() {
        List<SessionEventTestData> sessions = sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
        createAll(sessions.subList(0, 3));
        assertTrue(alarms.isEmpty(), "three IPs are below the threshold of four");

        create(sessions.get(3));
        List<TestRecord<String, CloudEvent<IpSpreadAlarmData>>> raised = alarms.readRecordsToList();
        assertEquals(1, raised.size());
        CloudEvent<IpSpreadAlarmData> raise = raised.get(0).value();
        assertEquals(ALICE, raised.get(0).key());
        assertEquals("warden.alarm.ip-spread.raised", raise.type());
        assertEquals("1.0", raise.specversion());
        assertEquals("warden", raise.source());
        assertEquals("application/json", raise.datacontenttype());
        assertEquals(ALICE, raise.data().userId());
        assertEquals("alice", raise.data().username());
        assertEquals(4, raise.data().distinctIps());
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"), raise.data().ipAddresses());
        assertEquals(raise.data().ipAddresses(), store.get(ALICE).ipAddresses(), "the state names them too");
        assertEquals(THRESHOLD, raise.data().threshold());
        assertEquals(sessions.get(3).time(), raise.data().at());
        assertEquals(raise.data().alarmId(), store.get(ALICE).openAlarmId());

        terminate(sessions.get(1), T0.plusSeconds(600));
        List<CloudEvent<IpSpreadAlarmData>> resolved = values(alarms.readRecordsToList());
        assertEquals(1, resolved.size());
        assertEquals("warden.alarm.ip-spread.resolved", resolved.get(0).type());
        assertEquals(raise.data().alarmId(), resolved.get(0).data().alarmId());
        assertEquals(3, resolved.get(0).data().distinctIps());
        assertEquals(List.of("10.0.0.1", "10.0.0.3", "10.0.0.4"), resolved.get(0).data().ipAddresses());
        assertNotEquals(raise.id(), resolved.get(0).id());
        assertNull(store.get(ALICE).openAlarmId());
    }

    @Test
    void givenAnOpenAlarm_whenTheSpreadStaysAtOrAboveTheThreshold_thenNothingNewIsRaised() {
        List<SessionEventTestData> sessions =
                sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5");
        createAll(sessions.subList(0, 4));
        assertEquals(1, alarms.readRecordsToList().size());

        create(sessions.get(4));                              // 5 IPs
        terminate(sessions.get(0), T0.plusSeconds(600));      // back to 4
        assertTrue(alarms.isEmpty(), "4 and 5 IPs keep the one open alarm");
        assertEquals(4, store.get(ALICE).active().size());

        terminate(sessions.get(1), T0.plusSeconds(700));      // 3: resolves
        assertEquals(List.of("warden.alarm.ip-spread.resolved"), types(alarms.readRecordsToList()));
    }

    @Test
    void givenTwoSessionsOnTheSameIp_thenTheIpCountsOnce() {
        createAll(sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.3"));

        assertTrue(alarms.isEmpty(), "four sessions, but only three distinct IPs");
        assertEquals(4, store.get(ALICE).active().size());
    }

    // --- repeats and order ------------------------------------------------------------------

    @Test
    void givenDuplicatedEvents_thenTheStateAndOutputsAreAsIfEachArrivedOnce() {
        List<SessionEventTestData> sessions = sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
        for (SessionEventTestData session : sessions) {
            create(session);
            create(session);
        }
        assertEquals(List.of("warden.alarm.ip-spread.raised"), types(alarms.readRecordsToList()));

        SessionEventTestData end = sessions.get(0).terminated("USER_LOGOUT", ALICE, T0.plusSeconds(600));
        pipe(end);
        pipe(end);
        create(sessions.get(0)); // a late redelivery of its create must not revive it

        assertEquals(1, terminated.readRecordsToList().size(), "a repeated end is forwarded once");
        assertEquals(List.of("warden.alarm.ip-spread.resolved"), types(alarms.readRecordsToList()));
        assertEquals(3, store.get(ALICE).active().size());
    }

    @Test
    void whenTheSameInputIsProcessedAgainFromScratch_thenTheOutputIdsAreTheSame() {
        List<SessionEventTestData> sessions = sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
        SessionEventTestData end = sessions.get(0).terminated("USER_LOGOUT", ALICE, T0.plusSeconds(600));
        createAll(sessions);
        pipe(end);
        List<String> firstRun = ids(terminated.readRecordsToList(), alarms.readRecordsToList());

        driver.close();
        startDriver(stateDir.resolve("second-run")); // as after a restart before the commit
        createAll(sessions);
        pipe(end);
        List<String> secondRun = ids(terminated.readRecordsToList(), alarms.readRecordsToList());

        assertEquals(3, firstRun.size());
        assertEquals(firstRun, secondRun);
        assertFalse(firstRun.contains(end.eventId()), "a forwarded end is a new event with its own id");
    }

    @Test
    void givenAnEndThatArrivesBeforeItsCreate_thenTheSessionIsNotCounted() {
        List<SessionEventTestData> sessions = sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
        createAll(sessions.subList(0, 3));
        SessionEventTestData late = sessions.get(3);

        pipe(late.terminated("USER_LOGOUT", ALICE, T0.plusSeconds(60)));
        create(late);

        assertEquals(1, terminated.readRecordsToList().size(), "the end is forwarded although its create came later");
        assertTrue(alarms.isEmpty(), "the ended session must not count as a fourth IP");
        assertFalse(store.get(ALICE).active().containsKey(late.sessionId()));
        assertTrue(store.get(ALICE).ended().containsKey(late.sessionId()));
    }

    // --- expiry -------------------------------------------------------------------------------

    @Test
    void whenSessionsExpire_thenEachExpiryIsForwardedAsTerminated_andTheAlarmResolves() {
        List<SessionEventTestData> sessions = sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
        createAll(sessions);
        alarms.readRecordsToList();

        Instant idleEnd = T0.plus(Duration.ofMinutes(61));
        pipe(sessions.get(2).expired("IDLE_TIMEOUT", idleEnd));

        List<CloudEvent<SessionTerminatedData>> ends = values(terminated.readRecordsToList());
        assertEquals(1, ends.size());
        assertEquals("warden.session.terminated", ends.get(0).type());
        assertEquals("IDLE_TIMEOUT", ends.get(0).data().reason());
        assertNull(ends.get(0).data().actorId());
        assertEquals(List.of("warden.alarm.ip-spread.resolved"), types(alarms.readRecordsToList()));
        assertEquals(3, store.get(ALICE).active().size());
    }

    @Test
    void givenSessionsPastTheirAbsoluteExpiry_whenAnyEventForTheUserArrives_thenTheyNoLongerCount() {
        List<SessionEventTestData> sessions =
                sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5");
        createAll(sessions);
        terminate(sessions.get(4), T0.plusSeconds(600));
        assertEquals(List.of("warden.alarm.ip-spread.raised"), types(alarms.readRecordsToList()));
        assertEquals(1, store.get(ALICE).ended().size());

        // A login a day later: the old sessions are over even if their expiries are still in flight.
        SessionEventTestData nextDay = SessionEventTestData.aCreated(ALICE, UUID.randomUUID().toString())
                .fromIp("10.0.0.9").createdAt(T0.plus(Duration.ofHours(25)));
        create(nextDay);

        assertEquals(List.of("warden.alarm.ip-spread.resolved"), types(alarms.readRecordsToList()));
        assertEquals(Map.of(nextDay.sessionId(), "10.0.0.9"), ipsOf(ALICE));
        assertTrue(store.get(ALICE).ended().isEmpty(), "ends are remembered only until the session's expiry");
    }

    @Test
    void givenASessionThatRanItsFullLifetime_whenItsExpiryArrives_thenItIsForwarded_andNothingIsKeptForTheUser() {
        SessionEventTestData session = SessionEventTestData.aCreated(ALICE, UUID.randomUUID().toString())
                .fromIp("10.0.0.1").createdAt(T0);
        create(session);

        pipe(session.expired("ABSOLUTE_LIFETIME", session.expiresAt()));

        assertEquals(List.of("ABSOLUTE_LIFETIME"), terminated.readRecordsToList().stream()
                .map(r -> r.value().data().reason()).toList());
        assertNull(store.get(ALICE), "no active sessions, no alarm, no end worth remembering");
    }

    // --- users --------------------------------------------------------------------------------

    @Test
    void givenTwoUsersInterleaved_thenEachKeepsItsOwnCount() {
        List<SessionEventTestData> alice = sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
        List<SessionEventTestData> bob = sessionsOnIps(BOB, "10.0.1.1", "10.0.1.2", "10.0.1.3");
        for (int i = 0; i < alice.size(); i++) {
            create(alice.get(i));
            if (i < bob.size()) {
                create(bob.get(i).withUsername("bob"));
            }
        }

        Map<String, CloudEvent<IpSpreadAlarmData>> alarmByUser = alarms.readKeyValuesToMap();
        assertEquals(Map.of(ALICE, "warden.alarm.ip-spread.raised"), alarmByUser.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().type())));
        assertEquals(4, store.get(ALICE).active().size());
        assertEquals(3, store.get(BOB).active().size());
        assertNull(store.get(BOB).openAlarmId());
    }

    // --- bad input ---------------------------------------------------------------------------

    @Test
    void givenMalformedRecords_thenTheyAreSkipped_andLaterEventsAreStillProcessed() {
        List<SessionEventTestData> sessions = sessionsOnIps(ALICE, "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4");
        createAll(sessions.subList(0, 2));

        sessionEvents.pipeInput(ALICE, "{not json", T0.plusSeconds(10));
        sessionEvents.pipeInput(ALICE, "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"warden.session.created\"}",
                T0.plusSeconds(11));
        sessionEvents.pipeInput(ALICE, (String) null, T0.plusSeconds(12));
        SessionEventTestData badIds = SessionEventTestData.aCreated(ALICE, "1-2-3-4-5").fromIp("10.0.0.7");
        sessionEvents.pipeInput(ALICE, badIds.json(), T0.plusSeconds(13));
        SessionEventTestData otherUsersKey = SessionEventTestData.aCreated(BOB, UUID.randomUUID().toString())
                .fromIp("10.0.0.8");
        sessionEvents.pipeInput(ALICE, otherUsersKey.json(), T0.plusSeconds(14));
        sessionEvents.pipeInput(ALICE, sessions.get(2).json().replace("warden.session.created", "warden.bogus"),
                T0.plusSeconds(15));

        assertEquals(2, store.get(ALICE).active().size(), "no bad record reached the state");
        assertNull(store.get(BOB));
        createAll(sessions.subList(2, 4));
        assertEquals(List.of("warden.alarm.ip-spread.raised"), types(alarms.readRecordsToList()));
    }

    // --- forwarded ends --------------------------------------------------------------------

    @Test
    void whenAnAdminTerminatesASession_thenTheForwardedEventCarriesItsData() {
        SessionEventTestData session = SessionEventTestData.aCreated(ALICE, UUID.randomUUID().toString())
                .fromIp("192.0.2.10").createdAt(T0);
        create(session);
        Instant endedAt = T0.plusSeconds(900);
        pipe(session.terminated("ADMIN_TERMINATED", ADMIN, endedAt));

        List<TestRecord<String, CloudEvent<SessionTerminatedData>>> ends = terminated.readRecordsToList();
        assertEquals(1, ends.size());
        assertEquals(ALICE, ends.get(0).key());
        CloudEvent<SessionTerminatedData> event = ends.get(0).value();
        assertEquals("warden.session.terminated", event.type());
        assertEquals("1.0", event.specversion());
        assertEquals("warden", event.source());
        assertEquals(endedAt, event.time());
        assertEquals(new SessionTerminatedData(session.sessionId(), ALICE, "alice", "ADMIN_TERMINATED", ADMIN,
                endedAt, session.expiresAt()), event.data());
        assertTrue(store.get(ALICE).active().isEmpty());
        assertEquals(Map.of(session.sessionId(), session.expiresAt()), store.get(ALICE).ended(),
                "the end is remembered until the session's expiry, to drop repeats");
    }

    // --- helpers ----------------------------------------------------------------------------

    /** One session per IP, created a minute apart from T0. */
    private static List<SessionEventTestData> sessionsOnIps(String userId, String... ips) {
        return java.util.stream.IntStream.range(0, ips.length)
                .mapToObj(i -> SessionEventTestData.aCreated(userId, UUID.randomUUID().toString())
                        .fromIp(ips[i]).createdAt(T0.plusSeconds(60L * i)))
                .toList();
    }

    private void createAll(List<SessionEventTestData> sessions) {
        sessions.forEach(this::create);
    }

    private void create(SessionEventTestData session) {
        pipe(session);
    }

    private void terminate(SessionEventTestData session, Instant at) {
        pipe(session.terminated("USER_LOGOUT", session.userId(), at));
    }

    private void pipe(SessionEventTestData event) {
        sessionEvents.pipeInput(event.userId(), event.json(), event.time());
    }

    private Map<String, String> ipsOf(String userId) {
        return store.get(userId).active().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().ipAddress()));
    }

    private static <V> List<V> values(List<TestRecord<String, V>> records) {
        return records.stream().map(TestRecord::value).toList();
    }

    private static List<String> types(List<? extends TestRecord<String, ? extends CloudEvent<?>>> records) {
        return records.stream().map(r -> r.value().type()).toList();
    }

    @SafeVarargs
    private static List<String> ids(List<? extends TestRecord<String, ? extends CloudEvent<?>>>... outputs) {
        return java.util.Arrays.stream(outputs).flatMap(List::stream).map(r -> r.value().id()).toList();
    }
}
