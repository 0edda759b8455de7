package dev.warden.application.port.in.ssf;

/** A verification asked for sooner than {@code min_verification_interval} after the last (429). */
public final class TooManyVerifications extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyVerifications(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
