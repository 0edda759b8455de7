package dev.warden.domain;

/** Every way a session can end. Each one is audited and announced. */
public enum TerminationReason {
    USER_LOGOUT,
    ADMIN_TERMINATED,
    ADMIN_LOGOUT_ALL,
    IDLE_TIMEOUT,
    ABSOLUTE_LIFETIME,
    /** An administrator disabled the account: every session ends with it. */
    ACCOUNT_DISABLED,
    /** An administrator set a new password: every session ends. */
    PASSWORD_RESET,
    /** The user changed their own password: every other session of theirs ends. */
    PASSWORD_CHANGED;

    /** True for the reasons nobody chose: the session ran out of time. */
    public boolean isExpiry() {
        return this == IDLE_TIMEOUT || this == ABSOLUTE_LIFETIME;
    }
}
