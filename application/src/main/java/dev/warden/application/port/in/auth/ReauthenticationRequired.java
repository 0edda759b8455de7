package dev.warden.application.port.in.auth;

/**
 * A sensitive action (see {@link dev.warden.domain.StepUp}) asked by a session whose login or last
 * re-authentication is older than the re-authentication window: the caller proves the password
 * again with {@link ReauthenticateUseCase} and retries.
 */
public final class ReauthenticationRequired extends RuntimeException {
    public ReauthenticationRequired(String message) {
        super(message);
    }
}
