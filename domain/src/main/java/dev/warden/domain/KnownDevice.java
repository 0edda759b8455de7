package dev.warden.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A browser in which a user has logged in before. It has its own count of failed logins and its
 * own lock, with the account's threshold and duration, and the account's lock (caused by unknown
 * clients) does not apply to it: an attacker who floods a username locks the account for
 * everyone but the browsers its user already logged in from. A known device's failures never
 * count against the account, and an unknown client's never against a device.
 *
 * @param tokenHash   the hash of the browser's {@link DeviceToken}
 * @param lockedUntil the end of the device's current or last lock, or null when never locked
 * @param lastUsedAt  the last successful login from it; the least recently used are forgotten first
 */
public record KnownDevice(
        UserId userId,
        TokenHash tokenHash,
        int failedAttempts,
        Instant lockedUntil,
        Instant firstSeenAt,
        Instant lastUsedAt) {

    /** How many devices one user keeps; a new one beyond this evicts the least recently used. */
    public static final int MAX_PER_USER = 20;
    /** How long a browser keeps the cookie (the RFC 6265bis cap) and the service keeps an unused device. */
    public static final Duration REMEMBERED_FOR = Duration.ofDays(400);

    public KnownDevice {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts must not be negative");
        }
    }

    /** A browser just logged in for the first time as this user. */
    public static KnownDevice register(UserId userId, TokenHash tokenHash, Instant now) {
        return new KnownDevice(userId, tokenHash, 0, null, now, now);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts one wrong password from this device; the one that reaches the lockout threshold locks
     * it for the lockout duration and restarts the count. Failures while locked are not counted.
     */
    public KnownDevice recordFailedLogin(Instant now, WardenPolicy policy) {
        if (isLockedAt(now)) {
            return this;
        }
        int failures = failedAttempts + 1;
        if (failures >= policy.lockoutThreshold()) {
            return new KnownDevice(userId, tokenHash, 0, now.plus(policy.lockoutDuration()), firstSeenAt, lastUsedAt);
        }
        return new KnownDevice(userId, tokenHash, failures, lockedUntil, firstSeenAt, lastUsedAt);
    }

    /** True when {@code after} is the result of a failure that just locked this device. */
    public boolean becameLockedBy(KnownDevice after, Instant now) {
        return !isLockedAt(now) && after.isLockedAt(now);
    }

    /** The right password from this device: the count restarts and the device counts as just used. */
    public KnownDevice recordSuccessfulLogin(Instant now) {
        return new KnownDevice(userId, tokenHash, 0, lockedUntil, firstSeenAt, now);
    }

    /** An operator or administrator lifts the device's lock. */
    public KnownDevice unlock() {
        return new KnownDevice(userId, tokenHash, 0, null, firstSeenAt, lastUsedAt);
    }
}
