package dev.warden.application.service.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.accounts.BreakGlassUnlockUseCase;
import dev.warden.application.port.in.accounts.UnlockUserUseCase;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.UserId;
import java.time.Clock;
import java.time.Instant;

/**
 * Lifts a lockout and clears the failure count, the account's and those of its known devices;
 * unlocking an unlocked account is harmless. Only the owner unlocks an ADMIN or the owner (a rogue
 * ADMIN must not alternate guesses and unlocks against them); the shell's break-glass unlocks anyone. The action is always audited;
 * warden.account.unlocked is published only when a lock was lifted.
 */
public final class UnlockUserService implements UnlockUserUseCase, BreakGlassUnlockUseCase {
    /** How the audit log names an operator who unlocked from the shell: no account stands behind it. */
    static final String SHELL_ACTOR_PREFIX = "shell:";

    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final KnownDevices devices;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Clock clock;

    public UnlockUserService(TransactionBoundary transactions, UserAccounts accounts, KnownDevices devices,
                             AuditTrail audit, EventOutbox outbox, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.devices = devices;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void unlock(UserId userId, Actor actor) {
        actor.requireAdministrator();
        transactions.run(() -> {
            Account target = accounts.lockById(userId)
                    .orElseThrow(() -> new UserNotFound("No user has id " + userId + "."));
            ManagementRights.requireMayUnlock(actor, target);
            unlockLocked(userId, actor.id(), actor.username());
        });
    }

    @Override
    public String unlockFromShell(String username, String operator) {
        String name = username == null ? "" : username.strip();
        return transactions.inTransaction(() -> {
            Account account = accounts.findByUsername(name)
                    .orElseThrow(() -> new UserNotFound("No user is named '" + name + "'."));
            return unlockLocked(account.id(), null, SHELL_ACTOR_PREFIX + operator).username();
        });
    }

    private Account unlockLocked(UserId userId, UserId actorId, String actorName) {
        Instant now = Now.of(clock);
        Account account = accounts.lockById(userId)
                .orElseThrow(() -> new UserNotFound("No user has id " + userId + "."));
        Account unlocked = account.unlock();
        accounts.update(unlocked);
        devices.unlockAll(account.id());
        audit.append(AuditEntry.of(AuditType.ACCOUNT_UNLOCKED, now)
                .withUser(account.id(), account.username())
                .withActor(actorId, actorName));
        if (account.isLockedAt(now)) {
            outbox.append(AccountEvent.of(AccountEvent.Type.UNLOCKED, unlocked, actorId, now));
        }
        return account;
    }
}
