package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.contract.Ports;
import dev.warden.domain.Account;
import dev.warden.domain.Session;
import dev.warden.domain.TerminationReason;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Last activity written off the request path, in batches ({@link ActivityWrites}). */
class ActivityWritesIT {
    private Ports ports;
    private Account alice;

    @BeforeEach
    void setUp() {
        ports = TestDatabase.freshPorts();
        alice = anAccount("alice").build();
        ports.accounts().insert(alice);
    }

    @Test
    void givenActivityOfManySessions_whenTheWriterRuns_thenAllOfItLandsWithinAFlushInterval_withoutAFlushBeingAsked()
            throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Session session = aSession(alice).lastActiveAt(NOW.minusSeconds(600)).build();
            ports.sessions().insert(session);
            sessions.add(session);
        }

        sessions.forEach(session -> ports.sessions().recordActivity(session.id(), NOW));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (countActiveAt(NOW) < 300 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(300, countActiveAt(NOW), "every session's activity written by the background writer");
    }

    @Test
    void givenSeveralNotesOfOneSession_thenTheLatestWins_andAnEndedSessionIsLeftAlone() {
        Session open = aSession(alice).lastActiveAt(NOW.minusSeconds(600)).build();
        Session ended = aSession(alice).lastActiveAt(NOW.minusSeconds(600)).build();
        ports.sessions().insert(open);
        ports.sessions().insert(ended);
        ports.sessions().markEnded(ended.id(), TerminationReason.USER_LOGOUT, null, NOW.minusSeconds(500));

        ports.sessions().recordActivity(open.id(), NOW.minusSeconds(60));
        ports.sessions().recordActivity(open.id(), NOW);
        ports.sessions().recordActivity(open.id(), NOW.minusSeconds(30));
        ports.sessions().recordActivity(ended.id(), NOW);
        TestDatabase.get().flushActivity();

        assertEquals(NOW, lastActiveAt(open));
        assertEquals(NOW.minusSeconds(600), lastActiveAt(ended));
    }

    @Test
    void givenARowAnotherTransactionHolds_whenFlushed_thenTheOthersAreWrittenWithoutWaitingForIt() throws Exception {
        Session held = aSession(alice).lastActiveAt(NOW.minusSeconds(600)).build();
        Session free = aSession(alice).lastActiveAt(NOW.minusSeconds(600)).build();
        ports.sessions().insert(held);
        ports.sessions().insert(free);
        try (Connection ending = TestDatabase.connection(); Statement lock = ending.createStatement()) {
            ending.setAutoCommit(false);
            lock.execute("SELECT 1 FROM sessions WHERE id = '" + held.id().value() + "' FOR UPDATE");
            ports.sessions().recordActivity(held.id(), NOW);
            ports.sessions().recordActivity(free.id(), NOW);

            long started = System.nanoTime();
            TestDatabase.get().flushActivity();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertTrue(tookMillis < 2_000, "the flush waited " + tookMillis + " ms for a held row");
            assertEquals(NOW, lastActiveAt(free));
            ending.rollback();
        }
        assertEquals(NOW.minusSeconds(600), lastActiveAt(held), "skipped, not waited for");
    }

    private static long countActiveAt(Instant at) throws SQLException {
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM sessions WHERE last_active_at = '" + at + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Open or ended (an ended session lives in session_history, V15). */
    private static Instant lastActiveAt(Session session) {
        String id = session.id().value().toString();
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT last_active_at FROM sessions WHERE id = '" + id + "'"
                     + " UNION ALL SELECT last_active_at FROM session_history WHERE id = '" + id + "'")) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
