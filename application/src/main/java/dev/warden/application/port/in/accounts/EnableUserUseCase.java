package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.UserId;

/** An administrator lets a disabled account log in again. */
public interface EnableUserUseCase {
    /**
     * @throws UserNotFound when no account has this id
     * @throws Forbidden for an ADMIN enabling an ADMIN
     */
    void enable(UserId userId, Actor actor);
}
