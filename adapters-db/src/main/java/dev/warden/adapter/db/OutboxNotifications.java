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
 * as long as the relay runs), and holds the relay lease on it. Plain pgjdbc, because DbClient has
 * no notification API. When the connection breaks, a wait simply times out and the next one
 * reconnects: the relay then falls back to polling at its timeout, and no event is lost, only
 * delayed.
 *
 * <p>The lease is a session advisory lock, so PostgreSQL releases it the moment the holder's
 * connection closes (a stopped or crashed process). A holder that falls silent without its
 * connection closing (a frozen process, a lost network, a leaked connection) would keep it
 * forever; so the connection runs with {@code idle_session_timeout} = the lease timeout, and the
 * relay's own calls (every lease check and, while waiting, a ping every sixth of the timeout)
 * keep it alive. A relay that stops calling loses the lease within the lease timeout, and the
 * next instance to ask takes over.
 */
final class OutboxNotifications implements AutoCloseable {
    static final String CHANNEL = "warden_outbox";
    /**
     * How long a silent holder keeps the lease. Longer than the relay's longest quiet spell
     * (a batch that Kafka does not acknowledge, about 2 x 10 s, plus a back-off of 5 s).
     */
    static final Duration DEFAULT_LEASE_TIMEOUT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(OutboxNotifications.class.getName());
    private static final long SLICE_MILLIS = 200;
    private static final String UNDEFINED_PARAMETER = "42704";

    private final DatabaseSettings settings;
    private final Duration leaseTimeout;
    private final long pingIntervalNanos;
    /** The relay lease's advisory-lock key (a bigint, so apart from the per-user two-int4 keys). */
    static final long RELAY_LEASE_KEY = 0x5761_7264_656E_5231L; // "WardenR1"

    private Connection connection;
    private boolean leaseHeld;
    private long lastRoundTrip;
    /** Set by the first failure of an outage, so that it logs one WARNING rather than one a second. */
    private boolean outage;
    private volatile boolean closed;

    OutboxNotifications(DatabaseSettings settings) {
        this(settings, DEFAULT_LEASE_TIMEOUT);
    }

    /** @param leaseTimeout how long a holder that stopped calling keeps the lease (at least 1 s) */
    OutboxNotifications(DatabaseSettings settings, Duration leaseTimeout) {
        if (leaseTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("leaseTimeout must be at least 1 s, was " + leaseTimeout);
        }
        this.settings = settings;
        this.leaseTimeout = leaseTimeout;
        this.pingIntervalNanos = leaseTimeout.toNanos() / 6;
    }

    /** @return true when a notification arrived within the timeout */
    synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        boolean failedBefore = false;
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
                Connection listening = listening();
                if (System.nanoTime() - lastRoundTrip >= pingIntervalNanos) {
                    ping(listening); // a wait is idle for PostgreSQL: keep the session (and lease) alive
                }
                PGNotification[] received = listening.unwrap(PGConnection.class).getNotifications(slice);
                if (received != null && received.length > 0) {
                    return true;
                }
            } catch (SQLException | DatabaseUnavailable e) {
                drop();
                // A connection that merely died (e.g. ended while idle) is replaced at once; only
                // when a fresh one fails too is PostgreSQL away, and then we poll.
                if (failedBefore) {
                    lost("Outbox notifications unavailable; polling instead", e);
                    Thread.sleep(Math.max(0, Math.min(remaining, 1_000)));
                }
                failedBefore = true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /**
     * Whether this instance is the relay: it holds the session advisory lock on the listening
     * connection. A held lease is confirmed by a round trip on that connection (which also keeps
     * it alive); when the connection turned out gone, the lease went with it, and this instance
     * asks again on a fresh one like any other.
     */
    synchronized boolean holdsRelayLease() {
        if (closed) {
            return false;
        }
        if (leaseHeld) {
            try {
                Connection listening = listening();
                if (leaseHeld) { // still the session that took it
                    ping(listening);
                    return true;
                }
            } catch (SQLException | DatabaseUnavailable e) {
                LOG.log(Level.WARNING, "Outbox relay lease lost with its connection (" + e.getMessage()
                        + "); asking for it again");
                drop();
            }
        }
        try {
            try (Statement statement = listening().createStatement();
                 ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + RELAY_LEASE_KEY + ")")) {
                leaseHeld = result.next() && result.getBoolean(1);
            }
            lastRoundTrip = System.nanoTime();
            return leaseHeld;
        } catch (SQLException | DatabaseUnavailable e) {
            lost("Outbox relay lease unavailable", e);
            drop();
            return false;
        }
    }

    private void ping(Connection listening) throws SQLException {
        try (Statement statement = listening.createStatement()) {
            statement.execute("SELECT 1");
        }
        lastRoundTrip = System.nanoTime();
    }

    private Connection listening() throws SQLException {
        if (connection == null || connection.isClosed()) {
            drop(); // a new session holds no lock: the lease, if it was ours, went with the old one
            Connection opened = ConnectionPools.single(settings);
            try (Statement setup = opened.createStatement()) {
                setup.execute("LISTEN " + CHANNEL);
                endWhenSilent(setup);
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
            lastRoundTrip = System.nanoTime();
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

    /** PostgreSQL ends this session, and so frees the lease, once it has been idle for the timeout. */
    private void endWhenSilent(Statement setup) throws SQLException {
        try {
            setup.execute("SET idle_session_timeout = " + leaseTimeout.toMillis());
        } catch (SQLException e) {
            if (!UNDEFINED_PARAMETER.equals(e.getSQLState())) {
                throw e;
            }
            // PostgreSQL before 14: a closed connection still frees the lease, a silent one does not.
            LOG.log(Level.WARNING, "This PostgreSQL has no idle_session_timeout: a frozen relay keeps its lease"
                    + " until its connection closes");
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
