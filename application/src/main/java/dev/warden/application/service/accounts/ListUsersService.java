package dev.warden.application.service.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.accounts.ListUsersUseCase;
import dev.warden.application.port.in.accounts.UserQuery;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;

/** The Users page: accounts with their active sessions counted as the Sessions page counts them. */
public record ListUsersService(UserAccounts accounts, WardenPolicy policy, Clock clock) implements ListUsersUseCase {

    @Override
    public Page<UserSummary> list(UserQuery query, Actor actor) {
        actor.requireAdministrator();
        return accounts.list(query, ActiveWindow.at(Now.of(clock), policy));
    }
}
