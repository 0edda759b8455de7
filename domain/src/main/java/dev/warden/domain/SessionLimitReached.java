package dev.warden.domain;

/** A login was refused because the user already holds the maximum of active sessions. */
public final class SessionLimitReached extends RuntimeException {
    private final int limit;

    public SessionLimitReached(int limit) {
        super("The user already has the maximum of " + limit
                + " active sessions; end one or wait for one to expire.");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
