package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.UserId;

/** Incident response: an administrator sets a new password; every session ends and a lock is lifted. */
public interface ResetPasswordUseCase {
    /**
     * @return how many active sessions were ended
     * @throws UserNotFound when no account has this id
     * @throws dev.warden.domain.PasswordRejected naming the broken password rule
     * @throws dev.warden.domain.OwnerProtected when anyone but the owner resets the owner's password
     * @throws Forbidden for an ADMIN resetting an ADMIN's password
     */
    int resetPassword(UserId userId, String newPassword, Actor actor);
}
