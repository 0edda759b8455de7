package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;

/** Makes a USER an ADMIN or back. Sessions stay; the new role holds from their next request. */
public interface ChangeRoleUseCase {
    /**
     * @param role ADMIN or USER
     * @return the account's row as the Users page shows it
     * @throws InvalidRequest for any other role
     * @throws UserNotFound when no account has this id
     * @throws dev.warden.domain.OwnerProtected for the owner
     * @throws Forbidden unless the owner acts, where an ADMIN is concerned (before or after)
     */
    UserSummary changeRole(UserId userId, Role role, Actor actor);
}
