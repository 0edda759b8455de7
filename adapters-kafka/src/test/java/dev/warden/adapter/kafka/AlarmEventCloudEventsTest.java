package dev.warden.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.adapter.kafka.AlarmEventCloudEvents.MalformedAlarmEvent;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlarmEventCloudEventsTest {
    static final String RAISED = """
            {"specversion":"1.0","id":"5b0c7a3e-9d2f-4e61-8a47-1c3b5d7e9f02","source":"warden-alarm-streams",
             "type":"warden.alarm.ip-spread.raised","time":"2026-11-26T15:10:00Z",
             "subject":"8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11","datacontenttype":"application/json",
             "data":{"alarmId":"e4d3c2b1-a098-4765-8432-10fedcba9876","userId":"8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11",
                     "username":"alice","distinctIps":4,
                     "ipAddresses":["10.0.0.2","10.0.0.10","192.0.2.7","2001:db8::1"],
                     "threshold":4,"at":"2026-11-26T15:10:00Z"}}
            """;

    @Test
    void givenRaisedEvent_whenDecoded_thenEveryFieldCarriedOver() {
        AlarmEvent event = AlarmEventCloudEvents.decode(RAISED);

        assertEquals(UUID.fromString("5b0c7a3e-9d2f-4e61-8a47-1c3b5d7e9f02"), event.eventId());
        assertEquals(AlarmEvent.Kind.RAISED, event.kind());
        assertEquals(UUID.fromString("e4d3c2b1-a098-4765-8432-10fedcba9876"), event.alarmId());
        assertEquals(UserId.parse("8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11"), event.userId());
        assertEquals("alice", event.username());
        assertEquals(4, event.distinctIps());
        assertEquals(List.of("10.0.0.2", "10.0.0.10", "192.0.2.7", "2001:db8::1"), event.ipAddresses());
        assertEquals(4, event.threshold());
        assertEquals(Instant.parse("2026-11-26T15:10:00Z"), event.at());
    }

    @Test
    void givenResolvedEvent_whenDecoded_thenResolvedKind() {
        String resolved = RAISED.replace("ip-spread.raised", "ip-spread.resolved").replace("\"distinctIps\":4", "\"distinctIps\":3");

        AlarmEvent event = AlarmEventCloudEvents.decode(resolved);

        assertEquals(AlarmEvent.Kind.RESOLVED, event.kind());
        assertEquals(3, event.distinctIps());
    }

    @Test
    void givenEventOfAVersionBeforeAlarmsNamedTheirAddresses_whenDecoded_thenItHasNone() {
        String old = RAISED.replace("\"ipAddresses\":[\"10.0.0.2\",\"10.0.0.10\",\"192.0.2.7\",\"2001:db8::1\"],", "");

        AlarmEvent event = AlarmEventCloudEvents.decode(old);

        assertEquals(4, event.distinctIps());
        assertEquals(List.of(), event.ipAddresses());
    }

    @Test
    void givenNonUuidId_whenDecodedTwice_thenSameStableEventId() {
        String json = RAISED.replace("5b0c7a3e-9d2f-4e61-8a47-1c3b5d7e9f02", "alarms-0-42");

        assertEquals(AlarmEventCloudEvents.decode(json).eventId(), AlarmEventCloudEvents.decode(json).eventId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json at all",
            "[1,2,3]",
            "{\"specversion\":\"0.3\"}",
            "{truncated",
    })
    void givenGarbage_whenDecoded_thenMalformed(String value) {
        assertThrows(MalformedAlarmEvent.class, () -> AlarmEventCloudEvents.decode(value));
    }

    @Test
    void givenNullValue_whenDecoded_thenMalformed() {
        assertThrows(MalformedAlarmEvent.class, () -> AlarmEventCloudEvents.decode(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"specversion\":\"1.0\"|\"specversion\":\"2.0\"",
            "warden.alarm.ip-spread.raised|warden.alarm.unknown",
            "\"distinctIps\":4|\"distinctIps\":\"four\"",
            "\"threshold\":4,|",
            "\"alarmId\":\"e4d3c2b1-a098-4765-8432-10fedcba9876\"|\"alarmId\":\"nope\"",
            "\"userId\":\"8a0f6c1e-2b1d-4c55-9a7e-0d6f3b2a9c11\"|\"userId\":17",
            "\"at\":\"2026-11-26T15:10:00Z\"|\"at\":\"yesterday\"",
            "\"username\":\"alice\",|",
            "[\"10.0.0.2\",|\"10.0.0.2\",[",
            "\"10.0.0.10\"|10",
            "\"10.0.0.10\"|\" \"",
    })
    void givenOneFieldBroken_whenDecoded_thenMalformed(String replacement) {
        String[] parts = replacement.split("\\|", -1);
        String broken = RAISED.replace(parts[0], parts[1]);
        assertEquals(false, broken.equals(RAISED), "the replacement applied");

        assertThrows(MalformedAlarmEvent.class, () -> AlarmEventCloudEvents.decode(broken));
    }
}
