package dev.warden.application.port.out;

import dev.warden.domain.Account;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The reads a login needs, each in one trip to the store (issue 22: a login is at most three). They
 * read what {@link UserAccounts}, {@link KnownDevices}, {@link LoginThrottle} and
 * {@link SessionStore} hold and count what {@link LoginThrottle#tryCount} counts; the rules stay
 * with the caller.
 */
public interface LoginRecords {
    /**
     * Step 1 of a login, atomic on its own and outside any transaction: the account named
     * {@code username} (lower-cased lookup form), the presented device if it is known for that
     * account, and, unless such a device was found, one attempt counted against the client's window
     * as {@link LoginThrottle#tryCount} counts it. A found device may still be one the throttle does
     * not exempt (locked, or a disabled account's): the caller counts that one itself.
     *
     * @param presented the hash of the device token the client presented, or null
     * @param count     the client's window and its limit
     */
    Sighting sight(String username, TokenHash presented, ThrottleCount count);

    /**
     * Step 3's read, inside the caller's transaction: the account with its row lock (held to the
     * end of the transaction), the device {@code deviceHash} if it is (still) known for it, and how
     * many of the account's sessions are active in {@code window}. Every change to a user's devices
     * and sessions that the limits count holds the same row lock, so these are current.
     *
     * @param deviceHash the known device to read again, or null for none
     * @return empty when the account no longer exists
     * @throws IllegalStateException outside a transaction (a row lock would be released at once)
     */
    Optional<Locked> lock(UserId id, TokenHash deviceHash, ActiveWindow window);

    /** One attempt to count against {@code client}'s window starting at {@code windowStart}, up to {@code limit}. */
    record ThrottleCount(String client, Instant windowStart, int limit) {
        public ThrottleCount {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(windowStart, "windowStart");
        }
    }

    /** Whether {@link #sight} counted the attempt. */
    enum Admission {
        /** Counted: the attempt may go on. */
        COUNTED,
        /** Not counted because the window is full: the attempt is refused. */
        FULL,
        /** Not counted because the presented device is known for the account: the caller decides. */
        NOT_COUNTED
    }

    /**
     * @param device the presented device when it is known for the account, else empty
     */
    record Sighting(Optional<Account> account, Optional<KnownDevice> device, Admission admission) {
        public Sighting {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(admission, "admission");
            if (device.isPresent() != (admission == Admission.NOT_COUNTED)) {
                throw new IllegalArgumentException("an attempt is counted unless it comes from a known device");
            }
        }
    }

    /**
     * @param device         the device asked for, or null when none was asked for or it is forgotten
     * @param activeSessions the account's active sessions
     */
    record Locked(Account account, KnownDevice device, int activeSessions) {
        public Locked {
            Objects.requireNonNull(account, "account");
        }
    }
}
