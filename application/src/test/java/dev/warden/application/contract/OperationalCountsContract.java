package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.IDLE;
import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static dev.warden.domain.testdata.TestData.anAlarmEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.port.out.OperationalCounts.OutboxBacklog;
import dev.warden.domain.Account;
import dev.warden.domain.Session;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.testdata.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the operational gauges read: active sessions in the window, the outbox backlog, open alarms. */
public abstract class OperationalCountsContract extends PortContract {
    private static final ActiveWindow WINDOW = new ActiveWindow(NOW, NOW.minus(IDLE));

    protected OperationalCounts counts;
    private Account alice;

    @BeforeEach
    void setUp() {
        counts = ports.counts();
        alice = anAccount("alice").build();
        ports.accounts().insert(alice);
    }

    @Test
    void givenNothing_thenEverythingIsZeroAndNothingIsPending() {
        assertEquals(new OutboxBacklog(0, java.util.Optional.empty()), counts.outboxBacklog());
        assertEquals(0, counts.countOpenAlarms());
        assertEquals(0, counts.countActiveSessions(WINDOW));
    }

    @Test
    void onlyOpenSessionsActiveInsideTheIdleWindowCount() {
        ports.sessions().insert(aSession(alice).build());
        ports.sessions().insert(aSession(alice).build());
        ports.sessions().insert(aSession(alice).lastActiveAt(NOW.minus(IDLE).minusSeconds(1)).build());
        Session ended = aSession(alice).build();
        ports.sessions().insert(ended);
        ports.sessions().markEnded(ended.id(), TerminationReason.USER_LOGOUT, null, NOW);

        assertEquals(2, counts.countActiveSessions(WINDOW));
    }

    @Test
    void theBacklogIsTheUnpublishedEventsAndTheOldestOneIsWhenTheFirstOfThemWasWritten() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        Session session = aSession(alice).build();
        ports.sessions().insert(session);
        ports.outbox().append(SessionEvent.created(session, TestData.FIREFOX_ON_LINUX, NOW));
        ports.outbox().append(SessionEvent.ended(session, TerminationReason.USER_LOGOUT, null, NOW));
        ports.outbox().append(SessionEvent.created(session, TestData.FIREFOX_ON_LINUX, NOW));
        Instant after = Instant.now().plusSeconds(1);
        List<Long> positions = ports.queue().oldestUnpublished(10).stream()
                .map(dev.warden.application.port.out.OutboxQueue.PendingEvent::position).toList();

        OutboxBacklog all = counts.outboxBacklog();
        ports.queue().markPublished(positions.subList(0, 2));
        OutboxBacklog one = counts.outboxBacklog();
        ports.queue().markPublished(positions.subList(2, 3));
        OutboxBacklog none = counts.outboxBacklog();

        assertEquals(3, all.pending());
        Instant oldest = all.oldestPendingSince().orElseThrow();
        assertTrue(!oldest.isBefore(before) && oldest.isBefore(after), oldest + " is when it was written");
        assertEquals(1, one.pending());
        assertFalse(one.oldestPendingSince().orElseThrow().isBefore(oldest));
        assertEquals(0, none.pending());
        assertTrue(none.oldestPendingSince().isEmpty());
    }

    @Test
    void onlyOpenAlarmsCount() {
        UUID open = UUID.randomUUID();
        UUID resolved = UUID.randomUUID();
        ports.alarms().apply(anAlarmEvent().of(alice).forAlarm(open).build());
        ports.alarms().apply(anAlarmEvent().of(alice).forAlarm(resolved).build());
        ports.alarms().apply(anAlarmEvent().of(alice).forAlarm(resolved).resolved().at(NOW.plus(Duration.ofMinutes(1)))
                .build());

        assertEquals(1, counts.countOpenAlarms());
    }

}
