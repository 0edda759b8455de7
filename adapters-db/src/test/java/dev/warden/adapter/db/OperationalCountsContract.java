package dev.warden.adapter.db;

import static dev.warden.adapter.db.TestData.IDLE;
import static dev.warden.adapter.db.TestData.NOW;
import static dev.warden.adapter.db.TestData.aSession;
import static dev.warden.adapter.db.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.port.out.OperationalCounts.OutboxBacklog;
import dev.warden.domain.Account;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.Session;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.TerminationReason;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the operational gauges read: active sessions in the window, the outbox backlog, open alarms. */
abstract class OperationalCountsContract {
    private static final ActiveWindow WINDOW = new ActiveWindow(NOW, NOW.minus(IDLE));

    protected Ports ports;
    protected OperationalCounts counts;
    private Account alice;

    protected abstract Ports ports();

    protected abstract OperationalCounts counts();

    protected abstract void resetData();

    @BeforeEach
    void setUp() {
        resetData();
        ports = ports();
        counts = counts();
        alice = anAccount("alice");
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
        ports.outbox().append(SessionEvent.created(session, NOW));
        ports.outbox().append(SessionEvent.ended(session, TerminationReason.USER_LOGOUT, null, NOW));
        ports.outbox().append(SessionEvent.created(session, NOW));
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
        ports.alarms().apply(alarm(AlarmEvent.Kind.RAISED, open, NOW));
        ports.alarms().apply(alarm(AlarmEvent.Kind.RAISED, resolved, NOW));
        ports.alarms().apply(alarm(AlarmEvent.Kind.RESOLVED, resolved, NOW.plus(Duration.ofMinutes(1))));

        assertEquals(1, counts.countOpenAlarms());
    }

    private AlarmEvent alarm(AlarmEvent.Kind kind, UUID id, Instant at) {
        return new AlarmEvent(UUID.randomUUID(), kind, id, alice.id(), alice.username(), 4,
                List.of("198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"), 4, at);
    }
}
