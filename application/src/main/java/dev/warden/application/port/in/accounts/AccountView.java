package dev.warden.application.port.in.accounts;

import dev.warden.domain.Account;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An account as the incoming side sees it (the {@code user} of the login and session answers):
 * who it is, its role and status. Never the password hash or the failure count, so an adapter
 * cannot show what it was never given, and the validation read does not fetch them.
 */
public record AccountView(UserId id, String username, Role role, AccountStatus status, Instant createdAt) {
    public AccountView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static AccountView of(Account account) {
        return new AccountView(account.id(), account.username(), account.role(), account.status(), account.createdAt());
    }
}
