package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.Role;

/** An administrator creates an account. */
public interface CreateUserUseCase {
    /**
     * @throws dev.warden.domain.PasswordRejected naming the broken password rule
     * @throws UsernameTaken when the name is in use
     * @throws InvalidRequest for a malformed username or the OWNER role
     */
    UserSummary create(String username, String password, Role role, Actor actor);
}
