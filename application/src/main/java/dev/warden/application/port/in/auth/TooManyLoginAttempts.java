package dev.warden.application.port.in.auth;

/**
 * A login refused by the per-client throttle before its password was looked at: this client failed
 * too many logins in the current window. Safe to show; it names no account.
 */
public final class TooManyLoginAttempts extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyLoginAttempts(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be at least 1");
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until this client may try again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
