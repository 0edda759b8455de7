package dev.warden.application.port.in.accounts;

/** No account has this id. */
public final class UserNotFound extends RuntimeException {
    public UserNotFound(String message) {
        super(message);
    }
}
