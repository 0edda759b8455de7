package dev.warden.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which lock stands between a login attempt and the password check. A disabled account refuses
 * every client. Otherwise an attempt from a known device answers to that device's lock only, and
 * any other attempt to the account's lock: the account's lock is what unknown clients caused, so
 * it must not keep out the browsers its user has logged in from before.
 */
public final class LoginGate {
    private LoginGate() {
    }

    /**
     * @param device the known device the attempt comes from, or null for any other client
     * @return why the attempt is refused before its password counts, or empty when it may be checked
     */
    public static Optional<Refusal> refusal(Account account, KnownDevice device, Instant now) {
        Objects.requireNonNull(account, "account");
        if (device != null && !device.userId().equals(account.id())) {
            throw new IllegalArgumentException("the device is known for another user");
        }
        if (account.status() != AccountStatus.ACTIVE) {
            return Optional.of(new Refusal(Refusal.Cause.DISABLED, null));
        }
        if (device != null) {
            return device.isLockedAt(now)
                    ? Optional.of(new Refusal(Refusal.Cause.DEVICE_LOCKED, device.lockedUntil()))
                    : Optional.empty();
        }
        return account.isLockedAt(now)
                ? Optional.of(new Refusal(Refusal.Cause.ACCOUNT_LOCKED, account.lockedUntil()))
                : Optional.empty();
    }

    /**
     * Whether an attempt skips its address's throttle: only from a known device that may try now
     * (not locked) of an ACTIVE account. A locked device or a disabled account's old cookie gets no
     * more than any other client, so it cannot keep the hashing slots busy outside the throttle.
     */
    public static boolean skipsAddressThrottle(Account account, KnownDevice device, Instant now) {
        return device != null && refusal(account, device, now).isEmpty();
    }

    /**
     * @param until the end of the lock; null for a disabled account
     */
    public record Refusal(Cause cause, Instant until) {
        public enum Cause { DISABLED, ACCOUNT_LOCKED, DEVICE_LOCKED }

        public Refusal {
            Objects.requireNonNull(cause, "cause");
            if ((cause == Cause.DISABLED) != (until == null)) {
                throw new IllegalArgumentException("a lock has an end, a disabled account none");
            }
        }

        /** The audit log's reason text. */
        public String reason() {
            return switch (cause) {
                case DISABLED -> "disabled";
                case ACCOUNT_LOCKED -> "locked until " + until;
                case DEVICE_LOCKED -> "known device locked until " + until;
            };
        }
    }
}
