package dev.warden.application.port.in.ssf;

/**
 * A long poll refused because its stream, or its client, already has as many polls waiting on this
 * instance as Warden lets wait (429 with {@code Retry-After}). Nothing of the request was done: send
 * its {@code ack} and {@code setErrs} again.
 */
public final class TooManyWaitingPolls extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyWaitingPolls(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
