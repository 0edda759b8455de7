package dev.warden.application.service;

import static dev.warden.domain.testdata.TestData.anAlarmEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.alarms.AlarmNotFound;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.AlarmTopology;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.PublishFailure;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.Relay;
import dev.warden.application.port.out.AlarmTopologyStatus;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.application.service.operations.OutboxRelayService;
import dev.warden.domain.Alarm;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlarmAndRelayServicesTest {
    private final UseCaseFixture warden = new UseCaseFixture();

    @Test
    void aRepeatedRaiseKeepsOneOpenAlarmAndItsResolveClosesIt() {
        UUID alarmId = UUID.randomUUID();
        AlarmEvent raised = anAlarmEvent().forAlarm(alarmId).withIps(List.of("10.0.0.4", "10.0.0.1", "10.0.0.3", "10.0.0.2"))
                .at(UseCaseFixture.START).build();
        warden.recordAlarm.record(raised);
        warden.recordAlarm.record(raised);

        assertEquals(1, warden.listAlarms.list(new AlarmQuery(PageRequest.FIRST, Alarm.Status.OPEN), warden.admin()).total());

        assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"), warden.listAlarms.list(
                new AlarmQuery(PageRequest.FIRST, Alarm.Status.OPEN), warden.admin()).items().getFirst().ipAddresses(),
                "the alarm names its addresses, sorted");

        warden.recordAlarm.record(anAlarmEvent().resolved().forAlarm(alarmId).withIpCount(3)
                .at(UseCaseFixture.START.plusSeconds(5)).build());
        assertEquals(0, warden.listAlarms.list(new AlarmQuery(PageRequest.FIRST, Alarm.Status.OPEN), warden.admin()).total());
        assertEquals(1, warden.listAlarms.list(new AlarmQuery(PageRequest.FIRST, Alarm.Status.RESOLVED), warden.admin()).total());
    }

    @Test
    void acknowledgingRecordsWhoAndUnknownAlarmsAreNotFound() {
        UUID alarmId = UUID.randomUUID();
        UserId alice = UserId.random();
        warden.recordAlarm.record(anAlarmEvent().forAlarm(alarmId).forUser(alice, "alice").at(UseCaseFixture.START)
                .build());

        warden.acknowledgeAlarm.acknowledge(alarmId, warden.admin());

        Alarm alarm = warden.listAlarms.list(new AlarmQuery(PageRequest.FIRST, null), warden.admin()).items().getFirst();
        assertEquals("admin", alarm.acknowledgedBy());
        AuditEntry audited = warden.audit.ofType(AuditType.ALARM_ACKNOWLEDGED).getFirst();
        assertEquals(alice, audited.userId());
        assertEquals("admin", audited.actorUsername());
        assertTrue(audited.reason().contains(alarmId.toString()), audited.reason());
        assertThrows(AlarmNotFound.class, () -> warden.acknowledgeAlarm.acknowledge(UUID.randomUUID(), warden.admin()));
        assertEquals(1, warden.audit.ofType(AuditType.ALARM_ACKNOWLEDGED).size(), "an unknown alarm is not audited");
    }

    @Test
    void theRelayPublishesInCommitOrderAndMarksOnlyAfterTheBrokerAcknowledged() {
        warden.givenAccount("alice", Role.USER);
        warden.loginFrom("alice", "192.0.2.1");
        warden.loginFrom("alice", "192.0.2.2");
        List<OutboxEvent> published = new ArrayList<>();
        boolean[] brokerDown = {true};
        EventPublisher publisher = events -> {
            if (brokerDown[0]) {
                throw new EventPublisher.PublishFailed("broker down", null);
            }
            published.addAll(events);
        };
        OutboxRelayService relay = new OutboxRelayService(warden.outbox, publisher);

        assertThrows(EventPublisher.PublishFailed.class, relay::relayOnce);
        assertEquals(2, warden.outbox.pendingCount(), "nothing is marked while the broker is down");

        brokerDown[0] = false;
        assertEquals(2, relay.relayOnce());
        assertEquals(warden.outbox.all(), published);
        assertEquals(0, warden.outbox.pendingCount());
        assertEquals(0, relay.relayOnce());
    }

    @Test
    void theFiguresTellWhenTheRelayLastPublishedAndWhyItFailsSince() {
        OperationalFiguresQuery figures = warden.useCases.operationalFigures();
        assertEquals(Relay.NOTHING_YET, figures.relay(), "no attempt yet");
        warden.givenAccount("alice", Role.USER);
        warden.loginFrom("alice", "192.0.2.1");
        assertTrue(warden.useCases.relayOutbox().relayOnce() > 0);
        Instant published = warden.clock.instant();

        warden.clock.advance(Duration.ofMinutes(3));
        warden.brokerDown.set(true);
        warden.loginFrom("alice", "192.0.2.2");
        assertThrows(EventPublisher.PublishFailed.class, warden.useCases.relayOutbox()::relayOnce);
        warden.clock.advance(Duration.ofSeconds(5));
        assertThrows(EventPublisher.PublishFailed.class, warden.useCases.relayOutbox()::relayOnce);
        Relay failing = figures.relay();

        warden.brokerDown.set(false);
        warden.clock.advance(Duration.ofSeconds(5));
        assertEquals(1, warden.useCases.relayOutbox().relayOnce());
        Relay recovered = figures.relay();

        assertEquals(Optional.of(published), failing.lastPublishedAt());
        assertTrue(failing.failing());
        assertEquals(2, failing.failuresSinceLastPublish());
        PublishFailure failure = failing.lastFailure().orElseThrow();
        assertEquals(published.plus(Duration.ofMinutes(3)).plusSeconds(5), failure.at(), "the last of the two");
        assertEquals("Kafka did not acknowledge events within PT10S", failure.reason());
        assertEquals(2, warden.metrics.publishFailures, "each failed attempt counted");
        assertEquals(Optional.of(warden.clock.instant()), recovered.lastPublishedAt());
        assertEquals(0, recovered.failuresSinceLastPublish());
        assertEquals(Optional.of(failure), recovered.lastFailure(), "the last error stays, with its time");
    }

    @Test
    void theFiguresShowTheAlarmTopologyOnlyWhenItRunsInThisProcess() {
        OperationalFiguresQuery figures = warden.useCases.operationalFigures();
        assertEquals(Optional.empty(), figures.alarmTopology(), "WARDEN_STREAMS=off: it runs elsewhere");

        warden.alarmTopology.set(new AlarmTopologyStatus.State("REBALANCING", false, UseCaseFixture.START));

        assertEquals(Optional.of(new AlarmTopology("REBALANCING", false, UseCaseFixture.START)),
                figures.alarmTopology());
    }
}
