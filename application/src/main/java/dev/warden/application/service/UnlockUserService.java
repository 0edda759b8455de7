package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.UnlockUserUseCase;
import dev.warden.application.port.in.UserNotFound;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.UserId;
import java.time.Clock;
import java.time.Instant;

/**
 * Lifts a lockout and clears the failure count; unlocking an unlocked account is harmless. The
 * action is always audited; warden.account.unlocked is published only when a lock was lifted.
 */
public final class UnlockUserService implements UnlockUserUseCase {
    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final Clock clock;

    public UnlockUserService(TransactionBoundary transactions, UserAccounts accounts, AuditTrail audit,
                             EventOutbox outbox, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void unlock(UserId userId, Actor actor) {
        actor.requireAdministrator();
        transactions.run(() -> {
            Instant now = Now.of(clock);
            Account account = accounts.lockById(userId)
                    .orElseThrow(() -> new UserNotFound("No user has id " + userId + "."));
            Account unlocked = account.unlock();
            accounts.update(unlocked);
            audit.append(AuditEntry.of(AuditType.ACCOUNT_UNLOCKED, now)
                    .withUser(account.id(), account.username())
                    .withActor(actor.id(), actor.username()));
            if (account.isLockedAt(now)) {
                outbox.append(AccountEvent.of(AccountEvent.Type.UNLOCKED, unlocked, actor.id(), now));
            }
        });
    }
}
