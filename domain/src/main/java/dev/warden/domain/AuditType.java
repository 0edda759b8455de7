package dev.warden.domain;

/** The kinds of entries in the auth audit log. */
public enum AuditType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_REJECTED_LOCKED,
    LOGIN_REJECTED_DISABLED,
    LOGIN_REJECTED_SESSION_LIMIT,
    ACCOUNT_LOCKED,
    ACCOUNT_UNLOCKED,
    LOGOUT,
    SESSION_TERMINATED,
    USER_SESSIONS_TERMINATED,
    SESSION_EXPIRED,
    USER_CREATED,
    LOGIN_THROTTLED,
    USER_DISABLED,
    USER_ENABLED,
    ROLE_CHANGED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    ALARM_ACKNOWLEDGED,
    /** A session proved its password again for a sensitive action (step-up). */
    REAUTHENTICATED,
    /** An administrator ended every active session from an address or network: one entry per action. */
    SESSIONS_TERMINATED_BY_IP,
    /** An administrator registered a Shared Signals receiver (an OAuth client). */
    SSF_CLIENT_CREATED,
    /** An administrator revoked a Shared Signals receiver: its tokens stopped at once. */
    SSF_CLIENT_REVOKED,
    /** A receiver created an event stream. */
    SSF_STREAM_CREATED,
    /** A receiver changed its stream: configuration, status or subjects. */
    SSF_STREAM_UPDATED,
    /** A receiver deleted its stream. */
    SSF_STREAM_DELETED
}
