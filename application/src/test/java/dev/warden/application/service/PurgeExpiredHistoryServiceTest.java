package dev.warden.application.service;

import static dev.warden.domain.testdata.TestData.anAlarmEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.InMemoryHistoryRetention;
import dev.warden.application.fakes.InMemoryHistoryRetention.Batch;
import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.operations.PurgeExpiredHistoryUseCase.Purged;
import dev.warden.application.service.operations.OutboxRelayService;
import dev.warden.application.service.operations.PurgeExpiredHistoryService;
import dev.warden.domain.Alarm;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.RetentionPolicy;
import dev.warden.domain.Role;
import dev.warden.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PurgeExpiredHistoryServiceTest {
    private static final RetentionPolicy RETENTION = RetentionPolicy.DEFAULTS; // PT24H, P30D, P365D

    private final UseCaseFixture warden = new UseCaseFixture();
    private final InMemoryHistoryRetention retention = warden.stores.retention;
    private final OutboxRelayService relay = new OutboxRelayService(warden.outbox, events -> { });

    @BeforeEach
    void anAccount() {
        warden.givenAccount("alice", Role.USER);
    }

    private PurgeExpiredHistoryService purge(int batchSize) {
        return new PurgeExpiredHistoryService(retention, RETENTION, warden.clock, batchSize);
    }

    private SessionId endedSession() {
        SessionId id = warden.loginFrom("alice", "192.0.2.1").session().id();
        warden.terminate.terminate(id, warden.admin());
        return id;
    }

    @Test
    void endedSessionDaysArePreparedAWeekAheadAndEveryDueDayIsDroppedBeforeTheStrayRowsAreDeleted() {
        endedSession();
        warden.clock.advance(Duration.ofDays(31));
        retention.givenDueDays(5, 7);
        Instant now = warden.clock.instant();

        Purged purged = purge(1_000).purgeOnce();

        assertEquals(5 + 7 + 1, purged.endedSessions(), "two whole days, then the one row outside any day");
        assertEquals(List.of(now + " +8"), retention.prepared(), "today and the next seven days");
        assertEquals(List.of(RETENTION.endedSessionsCutoff(now), RETENTION.endedSessionsCutoff(now),
                RETENTION.endedSessionsCutoff(now)), retention.dropCutoffs(), "until no day is due");
    }

    @Test
    void publishedEventsGoOnceTheirRetentionPassedAndUnpublishedOnesNeverGo() {
        warden.loginFrom("alice", "192.0.2.1");
        relay.relayOnce(); // published at START
        warden.clock.advance(Duration.ofHours(23));
        warden.loginFrom("alice", "192.0.2.2"); // stays unpublished: the broker never took it

        warden.clock.advance(Duration.ofMinutes(59));
        assertEquals(0, purge(1_000).purgeOnce().publishedEvents(), "published 23:59 ago: still kept");

        warden.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, purge(1_000).purgeOnce().publishedEvents(), "published 24:01 ago: deleted");

        warden.clock.advance(Duration.ofDays(400));
        assertEquals(0, purge(1_000).purgeOnce().publishedEvents());
        assertEquals(1, warden.outbox.pendingCount(), "an unpublished event is never deleted, however old");
        assertEquals(1, warden.outbox.storedCount());
    }

    @Test
    void endedSessionsGoThirtyDaysAfterTheyEndedAndOpenOnesStay() {
        SessionId ended = endedSession();
        SessionId open = warden.loginFrom("alice", "192.0.2.9").session().id();

        warden.clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertEquals(0, purge(1_000).purgeOnce().endedSessions());

        warden.clock.advance(Duration.ofSeconds(2));
        Purged purged = purge(1_000).purgeOnce();

        assertEquals(1, purged.endedSessions());
        assertEquals(null, warden.sessions.row(ended));
        assertTrue(warden.sessions.row(open).endReason() == null, "an open session is never deleted, even expired");
    }

    @Test
    void auditEntriesAndResolvedAlarmsGoAfterAYearAndOpenAlarmsStay() {
        endedSession(); // audit: LOGIN_SUCCESS, SESSION_TERMINATED
        int entries = warden.audit.entries().size();
        UUID resolved = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        alarm(AlarmEvent.Kind.RAISED, resolved);
        alarm(AlarmEvent.Kind.RESOLVED, resolved);
        alarm(AlarmEvent.Kind.RAISED, open);

        warden.clock.advance(Duration.ofDays(365).minusSeconds(1));
        Purged young = purge(1_000).purgeOnce();
        assertEquals(0, young.auditEntries());
        assertEquals(0, young.resolvedAlarms());

        warden.clock.advance(Duration.ofSeconds(2));
        Purged old = purge(1_000).purgeOnce();

        assertEquals(entries, old.auditEntries());
        assertEquals(List.of(), warden.audit.entries());
        assertEquals(1, old.resolvedAlarms());
        assertEquals(List.of(open), warden.alarms.list(new dev.warden.application.port.in.alarms.AlarmQuery(
                dev.warden.application.port.in.PageRequest.FIRST, null)).items().stream().map(Alarm::id).toList());
    }

    @Test
    void aBacklogGoesInBoundedBatchesUntilAShortOneSaysNothingIsLeft() {
        for (int i = 0; i < 7; i++) {
            endedSession();
        }
        warden.clock.advance(Duration.ofDays(31));

        Purged purged = purge(3).purgeOnce();

        assertEquals(7, purged.endedSessions());
        assertEquals(List.of(new Batch("endedSessions", 3, 3), new Batch("endedSessions", 3, 3),
                        new Batch("endedSessions", 3, 1)),
                retention.batches().stream().filter(b -> b.kind().equals("endedSessions")).toList());
        assertTrue(retention.batches().stream().allMatch(b -> b.max() == 3), "every batch is bounded");
    }

    @Test
    void withNothingDueEachKindIsAskedOnceAndNothingGoes() {
        endedSession();
        relay.relayOnce();

        Purged purged = purge(1_000).purgeOnce();

        assertEquals(new Purged(0, 0, 0, 0, 0), purged);
        assertEquals(List.of("publishedEvents", "endedSessions", "auditEntries", "resolvedAlarms", "unusedUserAgents"),
                retention.batches().stream().map(Batch::kind).toList());
    }

    private void alarm(AlarmEvent.Kind kind, UUID alarmId) {
        Instant at = warden.clock.instant();
        warden.recordAlarm.record(anAlarmEvent().ofKind(kind).forAlarm(alarmId).at(at).build());
    }
}
