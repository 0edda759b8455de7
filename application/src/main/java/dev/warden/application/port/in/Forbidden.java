package dev.warden.application.port.in;

/** The session is valid but its role may not do this. */
public final class Forbidden extends RuntimeException {
    public Forbidden(String message) {
        super(message);
    }
}
