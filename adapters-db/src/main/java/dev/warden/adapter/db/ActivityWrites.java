package dev.warden.adapter.db;

import dev.warden.domain.SessionId;
import io.helidon.dbclient.DbStatements;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Sessions' last-activity times, gathered off the request path and written in batches (issue 22).
 * A validation that must record activity (at most once per session per activity-write interval)
 * only notes it here; a writer thread writes everything noted every {@link #FLUSH_INTERVAL} in one
 * statement per {@link #MAX_BATCH} sessions ({@code session-record-activities}). Writing each one
 * in a statement and commit of its own on the request's path cost more than the read: with tokens
 * spread over many sessions nearly every validation was a session's first in its minute.
 *
 * <p>What it changes: the database learns of activity up to {@link #FLUSH_INTERVAL} later, so the
 * idle timeout, which is exact to one activity-write interval (idle timeout / 60), is exact to that
 * plus 250 ms; another instance sees the activity as late. Termination is unaffected: validation
 * still reads the session's row on every request. A crash loses at most the last 250 ms of notes
 * (those sessions' next validation notes again). A row another transaction holds is skipped rather
 * than waited for; its note is dropped (that transaction is usually ending it). When the database
 * is down the notes are kept for the next try, at most {@link #MAX_PENDING} sessions' worth.
 */
final class ActivityWrites implements AutoCloseable {
    static final String STATEMENT = "session-record-activities";
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(250);
    static final int MAX_BATCH = 5_000;
    /** More sessions than this waiting for a write (the database down for a while): new ones are dropped. */
    static final int MAX_PENDING = 500_000;
    private static final System.Logger LOG = System.getLogger(ActivityWrites.class.getName());

    private final DataSource pool;
    private final PositionalSql update;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;
    private volatile boolean failing;

    ActivityWrites(DataSource pool, DbStatements statements) {
        this.pool = pool;
        this.update = PositionalSql.of(statements.statement(STATEMENT));
        this.writer = Thread.ofPlatform().daemon().name("warden-activity-writes").start(this::run);
    }

    /** Notes that the session was active at {@code at}; a later note of the same session wins. */
    void record(SessionId id, Instant at) {
        if (pending.size() >= MAX_PENDING && !pending.containsKey(id.value())) {
            dropped.incrementAndGet();
            return;
        }
        pending.merge(id.value(), at, (noted, later) -> later.isAfter(noted) ? later : noted);
    }

    /** Writes every note taken so far; the writer thread calls it, and tests that need the row at once. */
    synchronized void flush() {
        while (!pending.isEmpty()) {
            // A batch taken straight from the map: no copy of everything waiting (up to MAX_PENDING
            // while the database is down), and no sort, since the statement locks its rows in id
            // order itself (ORDER BY ... FOR UPDATE), so two instances' batches cannot deadlock.
            List<Map.Entry<UUID, Instant>> batch = new ArrayList<>(Math.min(pending.size(), MAX_BATCH));
            for (Map.Entry<UUID, Instant> note : pending.entrySet()) {
                batch.add(Map.entry(note.getKey(), note.getValue()));
                if (batch.size() == MAX_BATCH) {
                    break;
                }
            }
            try {
                write(batch);
            } catch (SQLException | RuntimeException e) {
                // Kept for the next try; said once per outage, not every 250 ms.
                if (!failing) {
                    LOG.log(Level.WARNING, "Writing sessions' last activity failed; retrying: " + e.getMessage());
                }
                failing = true;
                return;
            }
            // A newer note that arrived meanwhile stays for the next flush.
            batch.forEach(note -> pending.remove(note.getKey(), note.getValue()));
            if (batch.size() < MAX_BATCH) {
                break;
            }
        }
        failing = false;
    }

    /** Notes dropped because too many were waiting (the database was down). */
    long dropped() {
        return dropped.get();
    }

    private void write(List<Map.Entry<UUID, Instant>> batch) throws SQLException {
        Object[] ids = batch.stream().map(note -> note.getKey().toString()).toArray();
        Object[] ats = batch.stream().map(note -> note.getValue().toString()).toArray();
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(update.sql())) {
            update.bind(statement, Map.of("ids", connection.createArrayOf("text", ids),
                    "ats", connection.createArrayOf("text", ats)));
            statement.executeUpdate();
        }
    }

    private void run() {
        while (!closed) {
            LockSupport.parkNanos(FLUSH_INTERVAL.toNanos());
            try {
                flush();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Writing sessions' last activity failed", e);
            }
        }
    }

    /** Stops the writer and writes what is left (a clean shutdown loses no activity). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
