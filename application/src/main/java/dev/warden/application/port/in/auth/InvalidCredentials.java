package dev.warden.application.port.in.auth;

/**
 * A password was not accepted. Deliberately the same for an unknown user, a wrong password and a
 * locked or disabled account, so it carries no detail: the audit log records the truth.
 */
public final class InvalidCredentials extends RuntimeException {
    public InvalidCredentials() {
        super("invalid credentials");
    }
}
