package dev.warden.application.port.in;

import dev.warden.domain.UserId;

/**
 * Lifts a lockout before it runs out: the account's lock and the locks of the user's known
 * devices, with their failure counts.
 */
public interface UnlockUserUseCase {
    /** An administrator, through the API. @throws UserNotFound when no account has this id */
    void unlock(UserId userId, Actor actor);

    /**
     * Break-glass from the operator's shell ({@code warden unlock USERNAME}): there is no session
     * and no account behind it, so the audit entry names {@code operator} as coming from the shell.
     *
     * @return the account's username as stored
     * @throws UserNotFound when no account has this username
     */
    String unlockFromShell(String username, String operator);
}
