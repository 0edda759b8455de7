package dev.warden.application.port.in.sessions;

/** No valid session: the token is missing, unknown, ended or expired. */
public final class Unauthenticated extends RuntimeException {
    public Unauthenticated(String message) {
        super(message);
    }
}
