package dev.warden.application.service.ssf;

import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStreamId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The long polls waiting on this instance, so that their database work does not grow with their
 * number: the waiters of one stream share its checks (one queue read per check interval per
 * stream, however many wait), and at most {@link #PER_STREAM} polls wait per stream and
 * {@link #PER_CLIENT} per client (which bounds the streams one token can keep checked).
 */
public final class LongPollWaiters {
    static final int PER_STREAM = 16;
    static final int PER_CLIENT = 64;

    private final Map<SsfStreamId, Watch> watches = new HashMap<>();
    private final Map<ReceiverClientId, Integer> perClient = new HashMap<>();

    /** A seat for one more waiting poll on the stream, or empty when the stream or the client is full. */
    synchronized Optional<Watch> join(ReceiverClientId client, SsfStreamId stream) {
        Watch watch = watches.computeIfAbsent(stream, id -> new Watch());
        int ofClient = perClient.getOrDefault(client, 0);
        if (watch.waiters >= PER_STREAM || ofClient >= PER_CLIENT) {
            if (watch.waiters == 0) {
                watches.remove(stream);
            }
            return Optional.empty();
        }
        watch.waiters++;
        perClient.put(client, ofClient + 1);
        return Optional.of(watch);
    }

    /** Gives the seat back; the stream's shared state goes with its last waiter. */
    synchronized void leave(ReceiverClientId client, SsfStreamId stream) {
        Watch watch = watches.get(stream);
        if (watch != null && --watch.waiters == 0) {
            watches.remove(stream);
        }
        perClient.computeIfPresent(client, (id, n) -> n == 1 ? null : n - 1);
    }

    /** How many polls wait on the stream now (for tests and the figures). */
    synchronized int waiting(SsfStreamId stream) {
        Watch watch = watches.get(stream);
        return watch == null ? 0 : watch.waiters;
    }

    /**
     * One stream's latest check, shared by its waiters. A waiter notes {@link #checks()} before it
     * pauses; after the pause it reuses a check that began since (another waiter's), and reads only
     * when none did. So checks of one stream begin at least one pause apart, whatever the number
     * of waiters. A read runs under the lock: waiters that wake meanwhile wait for it and reuse it.
     */
    public static final class Watch {
        private final ReentrantLock lock = new ReentrantLock();
        private int waiters; // guarded by LongPollWaiters' monitor
        private long checks;
        private List<SsfQueuedEvent> latest = List.of();
        private RuntimeException failure;

        long checks() {
            lock.lock();
            try {
                return checks;
            } finally {
                lock.unlock();
            }
        }

        /**
         * The events of the first check made after the waiter saw {@code seen} checks: a new read
         * when there is none yet. A failed read fails every waiter that shares it, as its own would have.
         */
        List<SsfQueuedEvent> checkAfter(long seen, Supplier<List<SsfQueuedEvent>> read) {
            lock.lock();
            try {
                if (checks == seen) {
                    try {
                        latest = read.get();
                        failure = null;
                    } catch (RuntimeException e) {
                        latest = List.of();
                        failure = e;
                    }
                    checks++;
                }
                if (failure != null) {
                    throw failure;
                }
                return latest;
            } finally {
                lock.unlock();
            }
        }
    }
}
