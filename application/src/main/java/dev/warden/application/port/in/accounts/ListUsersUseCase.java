package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;

/** The Users page. */
public interface ListUsersUseCase {
    Page<UserSummary> list(UserQuery query, Actor actor);
}
