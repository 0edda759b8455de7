package dev.warden.adapter.db;

import static dev.warden.adapter.db.TestData.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.AlarmQuery;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.domain.Alarm;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every AlarmStore must do. */
abstract class AlarmStoreContract {
    private static final UserId USER = UserId.random();
    protected AlarmStore alarms;

    protected abstract Ports ports();

    protected abstract void resetData();

    @BeforeEach
    void setUpAlarms() {
        resetData();
        alarms = ports().alarms();
    }

    @Test
    void givenRaise_whenRepeatedThenResolvedTwice_thenOneAlarmResolvedAtTheFirstResolve() {
        UUID id = UUID.randomUUID();
        alarms.apply(event(AlarmEvent.Kind.RAISED, id, 4, NOW));
        alarms.apply(event(AlarmEvent.Kind.RAISED, id, 5, NOW.plusSeconds(1)));
        assertEquals(new Alarm(id, USER, "alice", 4, Alarm.Status.OPEN, NOW, null, null, null), only());

        alarms.apply(event(AlarmEvent.Kind.RESOLVED, id, 3, NOW.plusSeconds(60)));
        alarms.apply(event(AlarmEvent.Kind.RESOLVED, id, 2, NOW.plusSeconds(90)));

        assertEquals(new Alarm(id, USER, "alice", 3, Alarm.Status.RESOLVED, NOW, NOW.plusSeconds(60), null, null), only());
    }

    @Test
    void givenResolveBeforeItsRaise_whenTheRaiseArrives_thenTheAlarmStaysResolved() {
        UUID id = UUID.randomUUID();
        alarms.apply(event(AlarmEvent.Kind.RESOLVED, id, 3, NOW.plusSeconds(60)));
        alarms.apply(event(AlarmEvent.Kind.RAISED, id, 4, NOW));

        Alarm alarm = only();
        assertEquals(Alarm.Status.RESOLVED, alarm.status());
        assertEquals(NOW.plusSeconds(60), alarm.resolvedAt());
    }

    @Test
    void givenAlarm_whenAcknowledged_thenTheFirstAcknowledgementIsKeptAndUnknownIdsAnswerFalse() {
        UUID id = UUID.randomUUID();
        alarms.apply(event(AlarmEvent.Kind.RAISED, id, 4, NOW));

        assertTrue(alarms.acknowledge(id, NOW.plusSeconds(5), "admin"));
        assertTrue(alarms.acknowledge(id, NOW.plusSeconds(9), "other"));
        assertFalse(alarms.acknowledge(UUID.randomUUID(), NOW, "admin"));

        Alarm alarm = only();
        assertEquals(NOW.plusSeconds(5), alarm.acknowledgedAt());
        assertEquals("admin", alarm.acknowledgedBy());
    }

    @Test
    void givenOpenAndResolvedAlarms_whenListed_thenNewestFirstAndFilteredByStatus() {
        UUID old = UUID.randomUUID();
        UUID mid = UUID.randomUUID();
        UUID young = UUID.randomUUID();
        alarms.apply(event(AlarmEvent.Kind.RAISED, old, 4, NOW.minusSeconds(300)));
        alarms.apply(event(AlarmEvent.Kind.RAISED, young, 4, NOW));
        alarms.apply(event(AlarmEvent.Kind.RAISED, mid, 4, NOW.minusSeconds(100)));
        alarms.apply(event(AlarmEvent.Kind.RESOLVED, mid, 1, NOW.plusSeconds(1)));

        assertEquals(List.of(young, mid, old), ids(null));
        assertEquals(List.of(young, old), ids(Alarm.Status.OPEN));
        assertEquals(List.of(mid), ids(Alarm.Status.RESOLVED));
        assertEquals(2, alarms.list(new AlarmQuery(new PageRequest(1, 0), Alarm.Status.OPEN)).total());
    }

    private List<UUID> ids(Alarm.Status status) {
        return alarms.list(new AlarmQuery(PageRequest.FIRST, status)).items().stream().map(Alarm::id).toList();
    }

    private Alarm only() {
        List<Alarm> all = alarms.list(new AlarmQuery(PageRequest.FIRST, null)).items();
        assertEquals(1, all.size());
        return all.getFirst();
    }

    private static AlarmEvent event(AlarmEvent.Kind kind, UUID alarmId, int ips, Instant at) {
        return new AlarmEvent(UUID.randomUUID(), kind, alarmId, USER, "alice", ips, 4, at);
    }
}
