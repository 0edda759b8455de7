package dev.warden.application.port.in.auth;

/** A login failed. Deliberately the same for an unknown user, a wrong password and a locked or disabled account. */
public final class InvalidCredentials extends RuntimeException {
    public InvalidCredentials(String message) {
        super(message);
    }
}
