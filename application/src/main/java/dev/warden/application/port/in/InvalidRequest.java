package dev.warden.application.port.in;

/** A request broke an input rule (limit out of range, malformed id, ...). The message is safe to show. */
public final class InvalidRequest extends RuntimeException {
    public InvalidRequest(String message) {
        super(message);
    }
}
