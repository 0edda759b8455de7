package dev.warden.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The few figures an operator watches that live in the database: how many sessions are active,
 * how far the outbox relay is behind, how many alarms are open. Each must be a cheap indexed read:
 * metrics poll it every few seconds on every instance.
 */
public interface OperationalCounts {

    /**
     * @param activeSessions      open sessions inside {@code window}
     * @param outboxPending       outbox events not yet published
     * @param oldestPendingSince  when the oldest pending event was written; empty when none is pending
     * @param openAlarms          alarms in status OPEN
     */
    record Counts(long activeSessions, long outboxPending, Optional<Instant> oldestPendingSince, long openAlarms) {
        public Counts {
            Objects.requireNonNull(oldestPendingSince, "oldestPendingSince");
            if (activeSessions < 0 || outboxPending < 0 || openAlarms < 0) {
                throw new IllegalArgumentException("counts cannot be negative");
            }
        }
    }

    Counts read(ActiveWindow window);
}
