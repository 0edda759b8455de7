package dev.warden.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * Something the service needs cannot serve the call right now, though it may in a moment: the
 * database is unreachable or busy, or too many password hashes are already running. The caller is
 * told to come back after {@link #retryAfter()}; nothing of the call was committed. The message is
 * fixed, safe text (it never carries a driver message, URL or secret).
 */
public abstract class TemporarilyUnavailable extends RuntimeException {
    private final Duration retryAfter;

    protected TemporarilyUnavailable(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
    }

    /** How long the caller should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
