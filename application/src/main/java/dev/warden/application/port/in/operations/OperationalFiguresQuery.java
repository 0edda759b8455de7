package dev.warden.application.port.in.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The database-held figures behind the operational gauges (metrics and the detailed health), in
 * two reads of different cost, so that a caller can poll the cheap one often and the other rarely.
 * Both throw {@link dev.warden.application.port.out.StoreUnavailable} when the database is away.
 */
public interface OperationalFiguresQuery {

    /**
     * @param at                 when it was read
     * @param outboxPending      events the relay has not published yet
     * @param oldestPendingSince when the oldest of them was written; empty when nothing is pending
     * @param openAlarms         alarms still open
     */
    record Backlog(Instant at, long outboxPending, Optional<Instant> oldestPendingSince, long openAlarms) {
        public Backlog {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(oldestPendingSince, "oldestPendingSince");
        }

        /** How long the oldest pending event has waited at {@code now}; zero when nothing is pending. */
        public Duration oldestPendingAgeAt(Instant now) {
            return oldestPendingSince.map(since -> Duration.between(since, now))
                    .filter(age -> !age.isNegative())
                    .orElse(Duration.ZERO);
        }
    }

    /** The outbox backlog and the open alarms: a few index entries, whatever the data's size. */
    Backlog backlog();

    /** Sessions active now (last activity within the idle timeout): one index entry per active session. */
    long activeSessions();
}
