package dev.warden.application.port.in.accounts;

/**
 * Break-glass from the operator's shell ({@code warden unlock USERNAME}): lifts a lockout as
 * {@link UnlockUserUseCase} does, for an operator who has no session (the owner may be the one
 * locked out). There is no account behind the operator, so the audit entry names them as coming
 * from the shell.
 */
public interface BreakGlassUnlockUseCase {
    /**
     * @param operator who ran the command (the operating-system user)
     * @return the account's username as stored
     * @throws UserNotFound when no account has this username
     */
    String unlockFromShell(String username, String operator);
}
