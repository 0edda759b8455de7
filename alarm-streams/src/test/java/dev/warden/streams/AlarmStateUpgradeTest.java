package dev.warden.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.events.CloudEvent;
import dev.warden.events.EventTopics;
import dev.warden.events.IpSpreadAlarmData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling upgrade: the store (or its changelog) holds state written by the version before alarms
 * named their IPs, and this version carries on from it. The old bytes are put into the store below
 * its serde, exactly as a restore from the changelog would leave them, so the test reads them with
 * the topology's own deserializer. An alarm open in the old state stays the same alarm: it is
 * neither lost nor raised a second time, and its resolve names the addresses.
 */
class AlarmStateUpgradeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THRESHOLD = 4;
    private static final String ALICE = "0b0e7c1e-1111-4a4a-8a8a-000000000001";
    private static final String OPEN_ALARM = "6f1d2c3b-4a59-3e6f-8a7b-9c0d1e2f3a4b";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String[] SESSIONS = {
            "5e2a0000-0000-4000-8000-000000000001", "5e2a0000-0000-4000-8000-000000000002",
            "5e2a0000-0000-4000-8000-000000000003", "5e2a0000-0000-4000-8000-000000000004"};
    private static final String[] IPS = {"10.0.0.10", "10.0.0.9", "192.0.2.1", "10.0.0.2"};

    /** One user's entry exactly as the previous version's JsonSerde wrote it: no ipAddresses. */
    private static final String OLD_STATE = """
            {"active":{\
            "5e2a0000-0000-4000-8000-000000000001":{"ipAddress":"10.0.0.10","expiresAt":"2026-03-02T09:00:00Z"},\
            "5e2a0000-0000-4000-8000-000000000002":{"ipAddress":"10.0.0.9","expiresAt":"2026-03-02T09:01:00Z"},\
            "5e2a0000-0000-4000-8000-000000000003":{"ipAddress":"192.0.2.1","expiresAt":"2026-03-02T09:02:00Z"},\
            "5e2a0000-0000-4000-8000-000000000004":{"ipAddress":"10.0.0.2","expiresAt":"2026-03-02T09:03:00Z"}},\
            "openAlarmId":"6f1d2c3b-4a59-3e6f-8a7b-9c0d1e2f3a4b","ended":{},"seenUntil":"2026-03-01T09:03:00Z"}""";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> sessionEvents;
    private TestOutputTopic<String, CloudEvent<IpSpreadAlarmData>> alarms;
    private KeyValueStore<String, UserSessions> store;

    @BeforeEach
    void startDriverOnOldState() {
        driver = new TopologyTestDriver(AlarmTopology.buildTopology(new AlarmTopologySettings(THRESHOLD)),
                AlarmStreamsConfig.of("unused:9092", THRESHOLD, stateDir).streamsProperties());
        sessionEvents = driver.createInputTopic(EventTopics.SESSION_EVENTS,
                new StringSerializer(), new StringSerializer());
        alarms = driver.createOutputTopic(EventTopics.SESSION_ALARMS, new StringDeserializer(),
                JsonSerde.of(new TypeReference<CloudEvent<IpSpreadAlarmData>>() {
                }).deserializer());
        store = driver.getKeyValueStore(AlarmTopology.USER_SESSIONS_STORE);
        putRawBytes(ALICE, OLD_STATE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** Below the typed store: the key and value bytes as they lie in RocksDB and in the changelog. */
    @SuppressWarnings("unchecked")
    private void putRawBytes(String key, String json) {
        StateStore inner = ((WrappedStateStore<?, ?, ?>) store).wrapped();
        KeyValueStore<Bytes, byte[]> bytes = (KeyValueStore<Bytes, byte[]>) inner;
        bytes.put(Bytes.wrap(key.getBytes(StandardCharsets.UTF_8)), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oldStateReadsWithItsOpenAlarmAndTheAddressesWorkedOutFromTheSessions() {
        UserSessions state = store.get(ALICE);

        assertNotNull(state);
        assertEquals(OPEN_ALARM, state.openAlarmId());
        assertEquals(4, state.active().size());
        assertEquals(List.of("10.0.0.2", "10.0.0.9", "10.0.0.10", "192.0.2.1"), state.ipAddresses());
    }

    @Test
    void givenAnAlarmOpenInOldState_whenASessionEnds_thenThatAlarmResolvesNamingTheRemainingAddresses() {
        pipe(session(0).terminated("ADMIN_TERMINATED", ALICE, T0.plusSeconds(600)));

        List<CloudEvent<IpSpreadAlarmData>> out = alarms.readValuesToList();
        assertEquals(1, out.size());
        assertEquals("warden.alarm.ip-spread.resolved", out.getFirst().type());
        assertEquals(OPEN_ALARM, out.getFirst().data().alarmId(), "the alarm of the old state, not a new one");
        assertEquals(3, out.getFirst().data().distinctIps());
        assertEquals(List.of("10.0.0.2", "10.0.0.9", "192.0.2.1"), out.getFirst().data().ipAddresses());
    }

    @Test
    void givenAnAlarmOpenInOldState_whenTheSpreadGrows_thenNoSecondAlarmIsRaised_andTheNewStateIsWrittenInTheNewFormat()
            throws Exception {
        pipe(SessionEventTestData.aCreated(ALICE, "5e2a0000-0000-4000-8000-000000000005")
                .fromIp("198.51.100.5").createdAt(T0.plusSeconds(300)));

        assertTrue(alarms.isEmpty(), "the alarm is still open; nothing is raised again");
        JsonNode written = JSON.readTree(JsonSerde.of(UserSessions.class).serializer().serialize("t", store.get(ALICE)));
        assertEquals(OPEN_ALARM, written.get("openAlarmId").asText());
        assertEquals(List.of("10.0.0.2", "10.0.0.9", "10.0.0.10", "192.0.2.1", "198.51.100.5"),
                JSON.convertValue(written.get("ipAddresses"), new TypeReference<List<String>>() {
                }));

        pipe(session(0).terminated("ADMIN_TERMINATED", ALICE, T0.plusSeconds(600)));
        pipe(session(1).terminated("ADMIN_TERMINATED", ALICE, T0.plusSeconds(601)));
        CloudEvent<IpSpreadAlarmData> resolved = alarms.readValue();
        assertEquals(OPEN_ALARM, resolved.data().alarmId());
        assertEquals(List.of("10.0.0.2", "192.0.2.1", "198.51.100.5"), resolved.data().ipAddresses());
    }

    @Test
    void stateOfThisVersionReadsBackEqual_andAStoredIpListThatDisagreesWithTheSessionsIsIgnored() {
        JsonSerde<UserSessions> serde = JsonSerde.of(UserSessions.class);
        UserSessions state = store.get(ALICE);

        assertEquals(state, serde.deserializer().deserialize("t", serde.serializer().serialize("t", state)));
        String lying = OLD_STATE.replace("\"ended\":{}", "\"ended\":{},\"ipAddresses\":[\"1.1.1.1\"]");
        assertEquals(state.ipAddresses(),
                serde.deserializer().deserialize("t", lying.getBytes(StandardCharsets.UTF_8)).ipAddresses());
    }

    private static SessionEventTestData session(int i) {
        return SessionEventTestData.aCreated(ALICE, SESSIONS[i]).fromIp(IPS[i]).createdAt(T0.plusSeconds(60L * i));
    }

    private void pipe(SessionEventTestData event) {
        sessionEvents.pipeInput(event.userId(), event.json(), event.time());
    }
}
