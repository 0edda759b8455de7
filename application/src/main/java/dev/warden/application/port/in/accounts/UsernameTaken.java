package dev.warden.application.port.in.accounts;

/** Another account already has this username (compared without case). */
public final class UsernameTaken extends RuntimeException {
    public UsernameTaken(String message) {
        super(message);
    }
}
