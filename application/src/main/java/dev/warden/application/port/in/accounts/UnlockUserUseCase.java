package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.UserId;

/**
 * An administrator lifts a lockout before it runs out: the account's lock and the locks of the
 * user's known devices, with their failure counts.
 */
public interface UnlockUserUseCase {
    /**
     * @throws UserNotFound when no account has this id
     * @throws Forbidden    when an ADMIN would unlock an ADMIN or the owner (only the owner does)
     */
    void unlock(UserId userId, Actor actor);
}
