package dev.warden.application.port.in.sessions;

/** No active session has this id (unknown, ended or expired). */
public final class SessionNotFound extends RuntimeException {
    public SessionNotFound(String message) {
        super(message);
    }
}
