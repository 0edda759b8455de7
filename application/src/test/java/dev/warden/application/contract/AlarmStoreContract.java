package dev.warden.application.contract;

import static dev.warden.domain.testdata.AlarmEventBuilder.ips;
import static dev.warden.domain.testdata.TestData.ALICE;
import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.anAlarmEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.domain.Alarm;
import dev.warden.domain.AlarmEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every AlarmStore must do. */
public abstract class AlarmStoreContract extends PortContract {
    protected AlarmStore alarms;

    @BeforeEach
    void setUpAlarms() {
        alarms = ports.alarms();
    }

    @Test
    void givenRaise_whenRepeatedThenResolvedTwice_thenOneAlarmResolvedAtTheFirstResolve() {
        UUID id = UUID.randomUUID();
        assertTrue(alarms.apply(event(AlarmEvent.Kind.RAISED, id, 4, NOW)));
        assertFalse(alarms.apply(event(AlarmEvent.Kind.RAISED, id, 5, NOW.plusSeconds(1))));
        assertEquals(new Alarm(id, ALICE, "alice", 4, ips(4), Alarm.Status.OPEN, NOW, null, null, null), only());

        assertTrue(alarms.apply(event(AlarmEvent.Kind.RESOLVED, id, 3, NOW.plusSeconds(60))));
        assertFalse(alarms.apply(event(AlarmEvent.Kind.RESOLVED, id, 2, NOW.plusSeconds(90))));

        assertEquals(new Alarm(id, ALICE, "alice", 3, ips(3), Alarm.Status.RESOLVED, NOW, NOW.plusSeconds(60), null,
                null), only());
    }

    @Test
    void givenResolveBeforeItsRaise_whenTheRaiseArrives_thenTheAlarmStaysResolved() {
        UUID id = UUID.randomUUID();
        assertTrue(alarms.apply(event(AlarmEvent.Kind.RESOLVED, id, 3, NOW.plusSeconds(60))));
        assertFalse(alarms.apply(event(AlarmEvent.Kind.RAISED, id, 4, NOW)));

        Alarm alarm = only();
        assertEquals(Alarm.Status.RESOLVED, alarm.status());
        assertEquals(NOW.plusSeconds(60), alarm.resolvedAt());
    }

    @Test
    void givenAlarm_whenAcknowledged_thenTheFirstAcknowledgementIsKeptAndUnknownIdsAnswerEmpty() {
        UUID id = UUID.randomUUID();
        alarms.apply(event(AlarmEvent.Kind.RAISED, id, 4, NOW));

        Alarm first = alarms.acknowledge(id, NOW.plusSeconds(5), "admin").orElseThrow();
        Alarm second = alarms.acknowledge(id, NOW.plusSeconds(9), "other").orElseThrow();
        assertTrue(alarms.acknowledge(UUID.randomUUID(), NOW, "admin").isEmpty());

        assertEquals(only(), first);
        assertEquals(only(), second);
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

    @Test
    void givenAddressesInAnyOrder_whenStored_thenTheyReadBackSortedAndAnAlarmWithoutThemReadsEmpty() {
        UUID named = UUID.randomUUID();
        alarms.apply(anAlarmEvent().forAlarm(named)
                .withIps(List.of("2001:db8::1", "10.0.0.10", "10.0.0.9", "192.0.2.1")).build());
        UUID unnamed = UUID.randomUUID();
        alarms.apply(anAlarmEvent().forAlarm(unnamed).withIps(List.of()).withDistinctIps(4)
                .at(NOW.minusSeconds(1)).build());

        List<Alarm> listed = alarms.list(new AlarmQuery(PageRequest.FIRST, null)).items();

        assertEquals(List.of("10.0.0.9", "10.0.0.10", "192.0.2.1", "2001:db8::1"), listed.get(0).ipAddresses());
        assertEquals(List.of(), listed.get(1).ipAddresses());
    }

    private static AlarmEvent event(AlarmEvent.Kind kind, UUID alarmId, int ips, Instant at) {
        return anAlarmEvent().ofKind(kind).forAlarm(alarmId).withIpCount(ips).at(at).build();
    }
}
