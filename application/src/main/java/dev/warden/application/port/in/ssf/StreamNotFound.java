package dev.warden.application.port.in.ssf;

/** No stream of the calling receiver has this id (another client's stream is not found either). */
public final class StreamNotFound extends RuntimeException {
    public StreamNotFound(String message) {
        super(message, null, false, false);
    }
}
