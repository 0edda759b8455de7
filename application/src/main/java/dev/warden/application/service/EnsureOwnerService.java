package dev.warden.application.service;

import dev.warden.application.port.in.EnsureOwnerUseCase;
import dev.warden.application.port.in.InvalidRequest;
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

/** Creates the owner on first start; later starts find it and change nothing. */
public final class EnsureOwnerService implements EnsureOwnerUseCase {
    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final PasswordBlocklist blocklist;
    private final Clock clock;

    public EnsureOwnerService(TransactionBoundary transactions, UserAccounts accounts, AuditTrail audit,
                              PasswordHasher hasher, PasswordBlocklist blocklist, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.audit = audit;
        this.hasher = hasher;
        this.blocklist = blocklist;
        this.clock = clock;
    }

    @Override
    public boolean ensureOwner(String username, String password) {
        if (accounts.ownerExists()) {
            return false;
        }
        if (password == null) {
            throw new InvalidRequest("No owner account exists yet, and no password was given to create it.");
        }
        Username name = CreateUserService.parseUsername(username);
        String hash = hasher.hash(PasswordPolicy.check(name.value(), password, blocklist::contains));
        return transactions.inTransaction(() -> {
            if (accounts.ownerExists()) {
                return false;
            }
            Instant now = Now.of(clock);
            Account owner = Account.create(UserId.random(), name, hash, Role.OWNER, now);
            accounts.insert(owner);
            audit.append(AuditEntry.of(AuditType.USER_CREATED, now)
                    .withUser(owner.id(), owner.username()).withReason(Role.OWNER.name()));
            return true;
        });
    }
}
