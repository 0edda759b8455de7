package dev.warden.application.port.out;

import dev.warden.domain.TerminationReason;
import java.time.Duration;

/**
 * What an operator wants counted: the business events behind logins, session validation and
 * session ends, recorded as they happen. Everything here is in memory (an adapter keeps counters
 * and histograms); nothing may touch the database or block, since the validation hot path calls it
 * on every request. Callers record an outcome only once it is final: changes made in a transaction
 * are recorded after it committed ({@link TransactionBoundary#afterCommit}).
 */
public interface WardenMetrics {

    /** How a login attempt ended; every attempt that reached the login use case is exactly one of these. */
    enum LoginOutcome {
        /** A session was created. */
        SUCCEEDED,
        /** Unknown user or wrong password (the caller saw 401 invalid-credentials). */
        FAILED,
        /** The account (or the known device) was locked: 401 without the password being checked. */
        LOCKED,
        /** The account is disabled: 401. */
        DISABLED,
        /** The right password, but the user already had the most sessions allowed: 409. */
        SESSION_LIMIT,
        /** The client address had too many failures in its window: 429, no password hashed. */
        THROTTLED,
        /** The database or password hashing could not answer: 503, nothing decided. */
        UNAVAILABLE,
        /** Anything else (a defect): 500. */
        ERROR
    }

    void loginAttempted(LoginOutcome outcome);

    /** An account became locked by failed logins (not a known device's own lock). */
    void accountLocked();

    /** One session validation, whatever its answer, and how long it took. */
    void sessionValidated(Duration took);

    /** A session ended (committed), for any reason. */
    void sessionEnded(TerminationReason reason);

    /** The relay published events to Kafka (acknowledged by the broker). */
    void eventsPublished(int count);

    /** A relay attempt failed: the broker did not acknowledge a batch, which stays in the outbox. */
    void eventsPublishFailed();

    /** What became of one push of a SET (RFC 8935). */
    enum SsfDeliveryOutcome {
        /** The receiver answered 202: the SET left the queue. */
        DELIVERED,
        /** The receiver answered 400 with an error code: the SET was dropped. */
        REJECTED,
        /** Anything else (no answer included): the SET stays queued for a later attempt. */
        FAILED
    }

    /** One push of a SET to a receiver ended so. */
    void ssfDelivery(SsfDeliveryOutcome outcome);

    /** How many SETs wait in every stream's queue, as the push job last counted them. */
    void ssfEventsPending(long pending);

    /** Records nothing: for tests and tools that have no metrics. */
    WardenMetrics NONE = new WardenMetrics() {
        @Override
        public void loginAttempted(LoginOutcome outcome) {
        }

        @Override
        public void accountLocked() {
        }

        @Override
        public void sessionValidated(Duration took) {
        }

        @Override
        public void sessionEnded(TerminationReason reason) {
        }

        @Override
        public void eventsPublished(int count) {
        }

        @Override
        public void eventsPublishFailed() {
        }

        @Override
        public void ssfDelivery(SsfDeliveryOutcome outcome) {
        }

        @Override
        public void ssfEventsPending(long pending) {
        }
    };
}
