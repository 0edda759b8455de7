package dev.warden.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Every tunable number of the product rules in one value, with the product's defaults (docs/operations.md lists the variables).
 * Configuration overrides them; tests shrink the durations to seconds.
 *
 * @param idleTimeout           a session ends this long after its last request
 * @param absoluteLifetime      a session never outlives its login by more than this
 * @param maxSessionsPerUser    concurrent active sessions one user may hold
 * @param expirySweepInterval   how often expired sessions are found and announced
 * @param lockoutThreshold      consecutive failed logins that lock an account
 * @param lockoutDuration       how long such a lock lasts
 * @param ipSpreadThreshold     distinct IPs across a user's active sessions that raise an alarm
 * @param reauthWindow          how long a login or re-authentication counts as fresh for the sensitive
 *                              actions of {@link StepUp}
 */
public record WardenPolicy(
        Duration idleTimeout,
        Duration absoluteLifetime,
        int maxSessionsPerUser,
        Duration expirySweepInterval,
        int lockoutThreshold,
        Duration lockoutDuration,
        int ipSpreadThreshold,
        Duration reauthWindow) {

    public static final WardenPolicy DEFAULTS = new WardenPolicy(
            Duration.ofMinutes(60), Duration.ofHours(24), 10, Duration.ofSeconds(30),
            10, Duration.ofMinutes(15), 4, Duration.ofMinutes(15));

    public WardenPolicy {
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(absoluteLifetime, "absoluteLifetime");
        requirePositive(expirySweepInterval, "expirySweepInterval");
        requirePositive(lockoutDuration, "lockoutDuration");
        requirePositive(reauthWindow, "reauthWindow");
        requireAtLeastOne(maxSessionsPerUser, "maxSessionsPerUser");
        requireAtLeastOne(lockoutThreshold, "lockoutThreshold");
        requireAtLeastOne(ipSpreadThreshold, "ipSpreadThreshold");
    }

    /**
     * Last-active writes are coalesced to one per this interval (idle timeout / 60), so that a
     * busy session costs one read per request instead of a read and a write. A session's idle
     * expiry can therefore come at most this much early, never late.
     */
    public Duration activityWriteInterval() {
        return idleTimeout.dividedBy(60);
    }

    public WardenPolicy withIdleTimeout(Duration value) {
        return new WardenPolicy(value, absoluteLifetime, maxSessionsPerUser, expirySweepInterval,
                lockoutThreshold, lockoutDuration, ipSpreadThreshold, reauthWindow);
    }

    public WardenPolicy withAbsoluteLifetime(Duration value) {
        return new WardenPolicy(idleTimeout, value, maxSessionsPerUser, expirySweepInterval,
                lockoutThreshold, lockoutDuration, ipSpreadThreshold, reauthWindow);
    }

    public WardenPolicy withMaxSessionsPerUser(int value) {
        return new WardenPolicy(idleTimeout, absoluteLifetime, value, expirySweepInterval,
                lockoutThreshold, lockoutDuration, ipSpreadThreshold, reauthWindow);
    }

    public WardenPolicy withLockout(int threshold, Duration duration) {
        return new WardenPolicy(idleTimeout, absoluteLifetime, maxSessionsPerUser, expirySweepInterval,
                threshold, duration, ipSpreadThreshold, reauthWindow);
    }

    public WardenPolicy withReauthWindow(Duration value) {
        return new WardenPolicy(idleTimeout, absoluteLifetime, maxSessionsPerUser, expirySweepInterval,
                lockoutThreshold, lockoutDuration, ipSpreadThreshold, value);
    }

    private static void requirePositive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
        }
    }

    private static void requireAtLeastOne(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, was " + value);
        }
    }
}
