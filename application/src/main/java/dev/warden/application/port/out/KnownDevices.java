package dev.warden.application.port.out;

import dev.warden.domain.KnownDevice;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * The browsers each user has logged in from (by the hash of their device token). A login reads
 * its device without a lock before the password check, and again inside its transaction after it
 * took the user's row lock; every change to a user's devices is made under that lock, so the
 * second read is current.
 */
public interface KnownDevices {
    Optional<KnownDevice> find(UserId userId, TokenHash tokenHash);

    /** Inserts the device, or replaces the stored one with the same user and token hash. */
    void save(KnownDevice device);

    /** What {@link #keepMostRecentlyUsed} answers when its delete waits for the commit. */
    int NOT_YET_KNOWN = -1;

    /**
     * Keeps the user's {@code keep} most recently used devices and forgets the others.
     *
     * @return how many were forgotten, or {@link #NOT_YET_KNOWN} inside
     *         {@link TransactionBoundary#inTransactionWritingAtCommit} when the store sends it with the commit
     */
    int keepMostRecentlyUsed(UserId userId, int keep);

    /**
     * Forgets every device of the user (a disable or a password reset: whoever held an old cookie
     * starts again as an unknown client).
     */
    void forgetAll(UserId userId);

    /** Forgets every device of the user but the one with {@code keep} (an own password change). */
    void forgetAllExcept(UserId userId, TokenHash keep);

    /** Lifts the lock and clears the failure count of every device of the user. */
    void unlockAll(UserId userId);

    /**
     * Forgets devices not used to log in since {@code before} (their cookie has expired).
     *
     * @return how many were forgotten
     */
    int forgetUnusedSince(Instant before);
}
