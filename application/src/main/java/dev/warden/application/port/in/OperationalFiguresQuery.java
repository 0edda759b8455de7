package dev.warden.application.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The database-held figures behind the operational gauges (metrics and the detailed health). */
public interface OperationalFiguresQuery {

    /**
     * @param at                 when they were read
     * @param activeSessions     sessions active at {@code at} (the Sessions page's total, unfiltered)
     * @param outboxPending      events the relay has not published yet
     * @param oldestPendingSince when the oldest of them was written; empty when nothing is pending
     * @param openAlarms         alarms still open
     */
    record OperationalFigures(Instant at, long activeSessions, long outboxPending, Optional<Instant> oldestPendingSince,
                              long openAlarms) {
        public OperationalFigures {
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

    /** Reads them now. @throws dev.warden.application.port.out.StoreUnavailable when the database is away */
    OperationalFigures current();
}
