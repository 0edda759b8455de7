package dev.warden.adapter.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTENs for {@code warden_outbox} on one dedicated connection, outside the pool (it is held for
 * as long as the relay runs). Plain pgjdbc, because DbClient has no notification API. When the
 * connection breaks, a wait simply times out and the next one reconnects: the relay then falls
 * back to polling at its timeout, and no event is lost, only delayed.
 */
final class OutboxNotifications implements AutoCloseable {
    static final String CHANNEL = "warden_outbox";
    private static final System.Logger LOG = System.getLogger(OutboxNotifications.class.getName());
    private static final long SLICE_MILLIS = 200;

    private final DatabaseSettings settings;
    /** The relay lease's advisory-lock key (a bigint, so apart from the per-user two-int4 keys). */
    static final long RELAY_LEASE_KEY = 0x5761_7264_656E_5231L; // "WardenR1"

    private Connection connection;
    private boolean leaseHeld;
    /** Set by the first failure of an outage, so that it logs one WARNING rather than one a second. */
    private boolean outage;
    private volatile boolean closed;

    OutboxNotifications(DatabaseSettings settings) {
        this.settings = settings;
    }

    /** @return true when a notification arrived within the timeout */
    synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        do {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (closed) {
                drop();
                return false;
            }
            long remaining = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            // Short slices: pgjdbc's wait does not notice interrupts.
            int slice = (int) Math.max(1, Math.min(SLICE_MILLIS, remaining));
            try {
                PGNotification[] received = listening().unwrap(PGConnection.class).getNotifications(slice);
                if (received != null && received.length > 0) {
                    return true;
                }
            } catch (SQLException | DatabaseUnavailable e) {
                lost("Outbox notifications unavailable; polling instead", e);
                drop();
                Thread.sleep(Math.max(0, Math.min(remaining, 1_000)));
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /**
     * Whether this instance is the relay: a session advisory lock taken on the listening
     * connection and held while it lives. When that instance stops or loses its connection,
     * PostgreSQL releases the lock and the next instance to ask takes over.
     */
    synchronized boolean holdsRelayLease() {
        if (closed) {
            return false;
        }
        try {
            if (!leaseHeld) {
                try (Statement statement = listening().createStatement();
                     ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + RELAY_LEASE_KEY + ")")) {
                    leaseHeld = result.next() && result.getBoolean(1);
                }
            }
            return leaseHeld;
        } catch (SQLException | DatabaseUnavailable e) {
            lost("Outbox relay lease unavailable", e);
            drop();
            return false;
        }
    }

    private Connection listening() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection opened = ConnectionPools.single(settings);
            try (Statement listen = opened.createStatement()) {
                listen.execute("LISTEN " + CHANNEL);
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
            if (outage) {
                LOG.log(Level.INFO, "Outbox notifications connected again");
                outage = false;
            }
        }
        return connection;
    }

    private void lost(String what, Exception e) {
        if (!outage) {
            outage = true;
            LOG.log(Level.WARNING, what + ": " + e.getMessage() + "; reconnecting every second until it is back");
        }
    }

    private void drop() {
        leaseHeld = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already broken; nothing more to release.
            }
            connection = null;
        }
    }

    /** Waits at most one slice for a running {@link #await} to notice. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            drop();
        }
    }
}
