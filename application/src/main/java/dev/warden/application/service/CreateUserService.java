package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateUserUseCase;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.UserSummary;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.domain.Account;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import dev.warden.domain.Username;
import java.time.Clock;
import java.time.Instant;

/** Creates ADMIN and USER accounts; the single OWNER comes only from {@link EnsureOwnerService}. */
public final class CreateUserService implements CreateUserUseCase {
    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final PasswordBlocklist blocklist;
    private final Clock clock;

    public CreateUserService(TransactionBoundary transactions, UserAccounts accounts, AuditTrail audit,
                             PasswordHasher hasher, PasswordBlocklist blocklist, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.audit = audit;
        this.hasher = hasher;
        this.blocklist = blocklist;
        this.clock = clock;
    }

    @Override
    public UserSummary create(String username, String password, Role role, Actor actor) {
        actor.requireAdministrator();
        if (role == null) {
            throw new InvalidRequest("role must be one of ADMIN, USER.");
        }
        if (role == Role.OWNER) {
            throw new InvalidRequest("There is exactly one owner account; role must be ADMIN or USER.");
        }
        Username name = parseUsername(username);
        // Hash before the transaction: Argon2 is slow on purpose and needs no lock.
        String hash = hasher.hash(PasswordPolicy.check(name.value(), password, blocklist::contains));
        return transactions.inTransaction(() -> {
            Instant now = Now.of(clock);
            Account account = Account.create(UserId.random(), name, hash, role, now);
            accounts.insert(account);
            audit.append(AuditEntry.of(AuditType.USER_CREATED, now)
                    .withUser(account.id(), account.username())
                    .withActor(actor.id(), actor.username())
                    .withReason(role.name()));
            return new UserSummary(account.id(), account.username(), role, account.status(), now, 0, 0, null);
        });
    }

    static Username parseUsername(String username) {
        try {
            return new Username(username);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequest("username must be 1 to 64 letters, digits or . _ - @ characters.");
        }
    }
}
