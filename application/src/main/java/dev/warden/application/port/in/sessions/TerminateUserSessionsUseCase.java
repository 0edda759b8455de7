package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.domain.UserId;

/** "Logout All Devices": an administrator ends every active session of one user. */
public interface TerminateUserSessionsUseCase {
    /**
     * @return how many sessions were ended
     * @throws UserNotFound when no account has this id
     */
    int terminateAll(UserId userId, Actor actor);
}
