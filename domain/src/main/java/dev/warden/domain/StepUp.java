package dev.warden.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which administrative actions need a fresh password entry, and what counts as fresh. A stolen
 * admin session must not become a permanent takeover, so the actions that make or change
 * administrators ask the session to have logged in or re-authenticated within
 * {@link WardenPolicy#reauthWindow()}: creating an ADMIN or promoting to ADMIN, and disabling,
 * enabling, re-roling or resetting an ADMIN; and registering or revoking a Shared Signals
 * receiver. Managing USERs and ending sessions stay one click
 * away: incident response must not wait for a password prompt.
 */
public final class StepUp {
    private StepUp() {
    }

    public static boolean neededToCreate(Role role) {
        return isAdministrator(role);
    }

    public static boolean neededToChangeRole(Role targetRole, Role newRole) {
        return isAdministrator(targetRole) || isAdministrator(newRole);
    }

    /** Disabling, enabling or resetting the password of an account of {@code targetRole}. */
    public static boolean neededToManage(Role targetRole) {
        return isAdministrator(targetRole);
    }

    /**
     * Registering or revoking a Shared Signals receiver: always. A receiver learns of every session
     * end and login, and revoking one silences a security tool, so neither is left to a stolen session.
     */
    public static boolean neededToManageReceivers() {
        return true;
    }

    /**
     * @param authenticatedAt the session's login or its last re-authentication
     * @return whether that is recent enough at {@code now} (the window's end is exclusive)
     */
    public static boolean isFresh(Instant authenticatedAt, Instant now, Duration window) {
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        return now.isBefore(authenticatedAt.plus(window));
    }

    private static boolean isAdministrator(Role role) {
        return role == Role.ADMIN || role == Role.OWNER;
    }
}
