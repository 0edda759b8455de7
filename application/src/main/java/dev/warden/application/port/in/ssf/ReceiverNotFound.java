package dev.warden.application.port.in.ssf;

/** No receiver (OAuth client) has this id. */
public final class ReceiverNotFound extends RuntimeException {
    public ReceiverNotFound(String message) {
        super(message);
    }
}
