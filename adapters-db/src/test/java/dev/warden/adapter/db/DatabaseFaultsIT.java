package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.contract.Ports;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.StoreUnavailable;
import dev.warden.domain.Account;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.Session;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database adapter under faults, on an instance of the test's own with a one-connection work
 * pool and a short connect timeout: validation keeps its own connections, an exhausted or lost
 * database is {@link StoreUnavailable} within the timeout (never a driver exception), and a
 * transaction whose connection dies keeps nothing and leaves the pool working.
 */
class DatabaseFaultsIT {
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    private WardenDatabase database;
    private Ports ports;

    @BeforeEach
    void start() {
        TestDatabase.reset();
        database = WardenDatabase.connect(TestDatabase.settings(1, CONNECT_TIMEOUT));
        ports = TestDatabase.ports(database);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void givenEveryWorkConnectionHeld_whenValidating_thenValidationAnswersAtOnceAndOtherWorkIsUnavailableWithinTheTimeout()
            throws Exception {
        Account alice = anAccount("alice").build();
        ports.accounts().insert(alice);
        Session session = aSession(alice).build();
        ports.sessions().insert(session);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> login = CompletableFuture.runAsync(() -> ports.transactions().run(() -> {
            ports.accounts().lockById(alice.id());
            holding.countDown();
            Latches.await(release);
        }));
        try {
            assertTrue(holding.await(5, TimeUnit.SECONDS), "the only work connection is taken");

            long started = System.nanoTime();
            assertTrue(ports.sessions().findOpenByTokenHash(session.tokenHash()).isPresent());
            ports.sessions().recordActivity(session.id(), NOW);
            long validationMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(validationMillis < CONNECT_TIMEOUT.toMillis(), "validation waited " + validationMillis + " ms");

            started = System.nanoTime();
            assertThrows(StoreUnavailable.class, () -> ports.accounts().findById(alice.id()));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(waitedMillis >= CONNECT_TIMEOUT.toMillis() - 50, "gave up after " + waitedMillis + " ms");
            assertTrue(waitedMillis < CONNECT_TIMEOUT.toMillis() + 1_500, "waited " + waitedMillis + " ms");
            assertThrows(StoreUnavailable.class, () -> ports.transactions().run(() ->
                    ports.audit().append(AuditEntry.of(AuditType.LOGIN_FAILED, NOW).withReason("none"))));
            // The metrics' count runs in a transaction of its own (one process, no parallel workers).
            assertThrows(StoreUnavailable.class, () -> ports.counts().countActiveSessions(
                    new ActiveWindow(NOW, NOW.minus(Duration.ofHours(1)))));
        } finally {
            release.countDown();
        }
        login.get(5, TimeUnit.SECONDS);
        assertTrue(ports.accounts().findById(alice.id()).isPresent(), "the pool serves again once the holder is done");
        assertEquals(0, TestDatabase.count("audit_entries"), "the refused transaction wrote nothing");
    }

    @Test
    void givenTheConnectionDiesInsideATransaction_thenStoreUnavailableNothingIsKeptAndTheNextTransactionWorks() {
        Account alice = anAccount("alice").build();

        StoreUnavailable error = assertThrows(StoreUnavailable.class, () -> ports.transactions().run(() -> {
            ports.accounts().insert(alice);
            terminateBackendsIdleInTransaction();
            ports.audit().append(AuditEntry.of(AuditType.USER_CREATED, NOW).withUser(alice.id(), "alice"));
        }));

        assertTrue(ConnectionFailures.isConnectionFailure(error.getCause()), String.valueOf(error.getCause()));
        assertEquals(0, TestDatabase.count("users"), "the user of the lost transaction was never committed");
        assertEquals(0, TestDatabase.count("audit_entries"));
        ports.transactions().run(() -> {
            ports.accounts().insert(alice);
            ports.audit().append(AuditEntry.of(AuditType.USER_CREATED, NOW).withUser(alice.id(), "alice"));
        });
        assertEquals(1, TestDatabase.count("users"));
        assertFalse(ports.accounts().findById(alice.id()).isEmpty());
    }

    /** What a server crash or an administrator's pg_terminate_backend does to this instance's open transaction. */
    private static void terminateBackendsIdleInTransaction() {
        try (Connection admin = TestDatabase.connection(); Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND application_name = 'warden'"
                     + " AND state = 'idle in transaction'")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "exactly the test's transaction was open");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
