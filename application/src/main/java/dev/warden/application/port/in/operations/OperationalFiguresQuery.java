package dev.warden.application.port.in.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures behind the operational gauges (metrics and the detailed health). The database-held
 * ones in two reads of different cost, so that a caller can poll the cheap one often and the other
 * rarely; both throw {@link dev.warden.application.port.out.StoreUnavailable} when the database is
 * away. And two this instance keeps in memory, cheap enough for every scrape and never failing:
 * what its outbox relay last achieved, and the state of its alarm topology.
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

    /**
     * What this instance's outbox relay achieved since it started. Only the instance holding the relay
     * lease publishes; on the others (and before the first event) nothing is recorded.
     *
     * @param lastPublishedAt          when the broker last acknowledged a batch this instance sent
     * @param lastFailure              the last attempt the broker did not acknowledge; kept after a later
     *                                 success, so compare its time with {@code lastPublishedAt}
     * @param failuresSinceLastPublish attempts that failed one after the other since the last
     *                                 acknowledged one: 0 once a batch goes through again
     */
    record Relay(Optional<Instant> lastPublishedAt, Optional<PublishFailure> lastFailure,
                 long failuresSinceLastPublish) {
        /** No attempt yet. */
        public static final Relay NOTHING_YET = new Relay(Optional.empty(), Optional.empty(), 0);

        public Relay {
            Objects.requireNonNull(lastPublishedAt, "lastPublishedAt");
            Objects.requireNonNull(lastFailure, "lastFailure");
            if (failuresSinceLastPublish < 0) {
                throw new IllegalArgumentException("failuresSinceLastPublish cannot be negative");
            }
        }

        /** True while the last attempt failed. */
        public boolean failing() {
            return failuresSinceLastPublish > 0;
        }
    }

    /**
     * @param at     when the attempt failed
     * @param reason the publisher's one-line reason (no secret: the Kafka adapter redacts it)
     */
    record PublishFailure(Instant at, String reason) {
        public PublishFailure {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The alarm topology in this process.
     *
     * @param state      its client's state as the streams library names it: {@code RUNNING},
     *                   {@code REBALANCING}, {@code ERROR}, {@code NOT_RUNNING}...
     * @param processing true only while it processes events (RUNNING). A topology that cannot reach
     *                   the brokers stays REBALANCING for ever, so REBALANCING does not count
     * @param since      when it entered that state
     */
    record AlarmTopology(String state, boolean processing, Instant since) {
        public AlarmTopology {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(since, "since");
        }
    }

    /** The outbox backlog and the open alarms: a few index entries, whatever the data's size. */
    Backlog backlog();

    /** Sessions active now (last activity within the idle timeout): one index entry per active session. */
    long activeSessions();

    /**
     * The relay's outcomes in this instance, from memory. By default nothing is recorded (a process
     * without a relay, a test's figures).
     */
    default Relay relay() {
        return Relay.NOTHING_YET;
    }

    /**
     * The alarm topology in this process, from memory; empty when it runs elsewhere (WARDEN_STREAMS=off:
     * as its own jar, which this instance does not watch). Empty by default.
     */
    default Optional<AlarmTopology> alarmTopology() {
        return Optional.empty();
    }
}
