package dev.warden.domain;

/**
 * At most {@link WardenPolicy#maxSessionsPerUser()} active sessions per user. A login beyond it
 * fails; nothing is evicted. Callers count under the user's lock so that parallel logins cannot
 * both see room for one more.
 */
public final class SessionLimit {
    private SessionLimit() {
    }

    /** @throws SessionLimitReached when the user already holds the maximum */
    public static void ensureRoomForOneMore(int activeSessions, WardenPolicy policy) {
        if (activeSessions >= policy.maxSessionsPerUser()) {
            throw new SessionLimitReached(policy.maxSessionsPerUser());
        }
    }
}
