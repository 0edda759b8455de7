package dev.warden.application.service.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.accounts.CreateUserUseCase;
import dev.warden.application.port.in.accounts.EnsureOwnerUseCase;
import dev.warden.application.port.in.accounts.NewAccount;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.Role;
import dev.warden.domain.StepUp;
import dev.warden.domain.UserId;
import dev.warden.domain.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Creates accounts: ADMIN and USER ones at an administrator's request, and the single OWNER on
 * first start. Both check the password policy, hash before the transaction (Argon2 is slow on
 * purpose and needs no lock), and audit USER_CREATED and publish warden.account.created in the same
 * transaction as the insert. Only the owner creates ADMIN accounts,
 * with a fresh password entry ({@link StepUp}).
 */
public record CreateUserService(TransactionBoundary transactions, UserAccounts accounts, AuditTrail audit,
        EventOutbox outbox, PasswordHasher hasher, PasswordBlocklist blocklist, StepUpCheck stepUp, Clock clock)
        implements CreateUserUseCase, EnsureOwnerUseCase {

    @Override
    public UserSummary create(String username, String password, Role role, Actor actor) {
        actor.requireAdministrator();
        NewAccount wanted = NewAccount.of(username, password, role);
        ManagementRights.requireMayCreate(actor, role);
        stepUp.requireIf(StepUp.neededToCreate(role), actor);
        Account account = insert(wanted.username(), wanted.password(), role, actor, () -> true);
        return new UserSummary(account.id(), account.username(), role, account.status(), account.createdAt(), 0, 0,
                null);
    }

    @Override
    public boolean ensureOwner(String username, String password) {
        if (accounts.ownerExists()) {
            return false;
        }
        if (password == null) {
            throw new InvalidRequest("No owner account exists yet, and no password was given to create it.");
        }
        // Checked again under the transaction: two instances may start at once.
        return insert(NewAccount.parseUsername(username), password, Role.OWNER, null,
                () -> !accounts.ownerExists()) != null;
    }

    /** @return the new account, or null when {@code stillWanted} said no inside the transaction */
    private Account insert(Username name, String password, Role role, Actor actor, BooleanSupplier stillWanted) {
        String hash = hasher.hash(PasswordPolicy.check(name.value(), password, blocklist::contains));
        return transactions.inTransaction(() -> {
            if (!stillWanted.getAsBoolean()) {
                return null;
            }
            Instant now = Now.of(clock);
            Account account = Account.create(UserId.random(), name, hash, role, now);
            accounts.insert(account);
            AuditEntry entry = AuditEntry.of(AuditType.USER_CREATED, now)
                    .withUser(account.id(), account.username())
                    .withReason(role.name());
            audit.append(actor == null ? entry : entry.withActor(actor.id(), actor.username()));
            outbox.append(AccountEvent.of(AccountEvent.Type.CREATED, account, actor == null ? null : actor.id(), now));
            return account;
        });
    }
}
