package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.UserId;

/** Offboarding: an administrator disables an account; every session of it ends at once. */
public interface DisableUserUseCase {
    /**
     * @return how many active sessions were ended
     * @throws UserNotFound when no account has this id
     * @throws dev.warden.domain.OwnerProtected for the owner
     * @throws Forbidden for an ADMIN disabling an ADMIN (only the owner manages ADMIN accounts)
     */
    int disable(UserId userId, Actor actor);
}
