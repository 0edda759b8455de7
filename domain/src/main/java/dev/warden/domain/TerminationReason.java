package dev.warden.domain;

/** Every way a session can end. Each one is audited and announced. */
public enum TerminationReason {
    USER_LOGOUT,
    ADMIN_TERMINATED,
    ADMIN_LOGOUT_ALL,
    IDLE_TIMEOUT,
    ABSOLUTE_LIFETIME;

    /** True for the reasons nobody chose: the session ran out of time. */
    public boolean isExpiry() {
        return this == IDLE_TIMEOUT || this == ABSOLUTE_LIFETIME;
    }
}
