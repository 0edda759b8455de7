package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.domain.Alarm;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.SessionEvent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * During a rolling upgrade, instances of the previous version keep writing with the statements of
 * V1 while this version reads the same tables. What they write must read as before.
 */
class RollingUpgradeIT {
    private final WardenDatabase database = TestDatabase.get();

    @BeforeEach
    void empty() {
        TestDatabase.reset();
    }

    @Test
    void anOutboxRowWrittenWithoutAnAggregateTypeIsASessionEvent() {
        UUID eventId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        // outbox-append as the previous version has it: no aggregate_type column.
        TestDatabase.execute("INSERT INTO outbox (event_id, aggregate_key, event_type, payload) VALUES ('"
                + eventId + "', '" + userId + "', 'CREATED', jsonb_build_object('eventId', '" + eventId
                + "', 'type', 'CREATED', 'occurredAt', '" + NOW + "', 'sessionId', '" + sessionId
                + "', 'userId', '" + userId + "', 'username', 'alice', 'ipAddress', '192.0.2.1', 'userAgent', 'ua',"
                + " 'createdAt', '" + NOW + "', 'expiresAt', '" + NOW.plusSeconds(3600)
                + "', 'reason', NULL, 'actorId', NULL, 'endedAt', NULL))");

        SessionEvent event = assertInstanceOf(SessionEvent.class,
                database.outboxQueue().oldestUnpublished(10).getFirst().event());

        assertEquals(eventId, event.eventId());
        assertEquals(SessionEvent.Type.CREATED, event.type());
        assertEquals(sessionId, event.sessionId().value());
        // Written before created events carried the parsed client: it goes out with an unknown one.
        assertEquals(ClientDescription.UNKNOWN, event.client());
    }

    @Test
    void anAlarmRaisedWithoutAddressesListsWithNone() {
        UUID alarmId = UUID.randomUUID();
        // alarm-raise as the previous version has it: no ip_addresses column.
        TestDatabase.execute("INSERT INTO alarms (id, user_id, username, distinct_ips, status, raised_at) VALUES ('"
                + alarmId + "', '" + UUID.randomUUID() + "', 'alice', 4, 'OPEN', '" + NOW + "')");

        Alarm alarm = database.alarmStore().list(new AlarmQuery(PageRequest.FIRST, null)).items().getFirst();

        assertEquals(alarmId, alarm.id());
        assertEquals(4, alarm.distinctIps());
        assertEquals(List.of(), alarm.ipAddresses());
    }
}
