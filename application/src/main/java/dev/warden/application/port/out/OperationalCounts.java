package dev.warden.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The few figures an operator watches that live in the database: how far the outbox relay is
 * behind, how many alarms are open, how many sessions are active. Metrics poll them on every
 * instance, so each is an index read; the active-session count is the one whose cost grows with
 * the data (it walks an index entry per active session), and is polled less often.
 */
public interface OperationalCounts {

    /**
     * @param pending            outbox events not yet published
     * @param oldestPendingSince when the oldest of them was written; empty when none is pending
     */
    record OutboxBacklog(long pending, Optional<Instant> oldestPendingSince) {
        public OutboxBacklog {
            Objects.requireNonNull(oldestPendingSince, "oldestPendingSince");
            if (pending < 0) {
                throw new IllegalArgumentException("pending cannot be negative");
            }
        }
    }

    OutboxBacklog outboxBacklog();

    /** Alarms in status OPEN. */
    long countOpenAlarms();

    /**
     * Open sessions whose last activity is inside the window. Unlike the Sessions page's total it
     * does not look at the absolute expiry (which is not in the index): a session past its lifetime
     * is counted until the expiry sweeper ends it, at most one sweep interval later.
     */
    long countActiveSessions(ActiveWindow window);
}
