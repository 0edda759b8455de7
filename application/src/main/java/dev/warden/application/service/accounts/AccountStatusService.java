package dev.warden.application.service.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.accounts.DisableUserUseCase;
import dev.warden.application.port.in.accounts.EnableUserUseCase;
import dev.warden.application.port.in.accounts.UserNotFound;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.application.service.sessions.SessionEnding;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.StepUp;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * Disables and enables accounts. Disabling takes the account's row lock, the same one a login's
 * last step takes, then marks the account DISABLED and ends every open session, all in one
 * transaction. A login either commits before (its session is among those ended) or after (it
 * finds the account disabled and is refused), so no session survives a disable. Validation
 * refuses sessions of a non-ACTIVE account as well, and a disable forgets the user's known devices.
 * Disabling or enabling an ADMIN needs a fresh password entry ({@link StepUp}). Disabling a disabled account, or enabling an
 * active one, changes nothing and records nothing.
 */
public record AccountStatusService(TransactionBoundary transactions, UserAccounts accounts,
        SessionStore sessions, KnownDevices devices, AuditTrail audit, EventOutbox outbox,
        SessionEnding ending, StepUpCheck stepUp, WardenPolicy policy, Clock clock) implements DisableUserUseCase, EnableUserUseCase {

    @Override
    public int disable(UserId userId, Actor actor) {
        actor.requireAdministrator();
        return transactions.inTransaction(() -> {
            Instant now = Now.of(clock);
            Account account = accounts.lockById(userId).orElseThrow(() -> notFound(userId));
            ManagementRights.requireMayDisable(actor, account);
            stepUp.requireIf(StepUp.neededToManage(account.role()), actor);
            boolean changes = account.status() != AccountStatus.DISABLED;
            if (changes) {
                accounts.update(account.disable());
            }
            // Also when it was disabled already: no open session may outlive a disable.
            int terminated = ending.endAll(sessions.lockOpenByUser(userId), TerminationReason.ACCOUNT_DISABLED,
                    actor, null, now, policy);
            // An offboarded user's old cookies must buy nothing: not a throttle exemption, not a lock of their own.
            devices.forgetAll(userId);
            if (changes) {
                audit.append(AuditEntry.of(AuditType.USER_DISABLED, now)
                        .withUser(account.id(), account.username())
                        .withActor(actor.id(), actor.username())
                        .withReason(terminated + " active sessions ended"));
                outbox.append(AccountEvent.of(AccountEvent.Type.DISABLED, account, actor.id(), now));
            }
            return terminated;
        });
    }

    @Override
    public void enable(UserId userId, Actor actor) {
        actor.requireAdministrator();
        transactions.run(() -> {
            Instant now = Now.of(clock);
            Account account = accounts.lockById(userId).orElseThrow(() -> notFound(userId));
            ManagementRights.requireMayEnable(actor, account);
            stepUp.requireIf(account.status() != AccountStatus.ACTIVE && StepUp.neededToManage(account.role()), actor);
            if (account.status() == AccountStatus.ACTIVE) {
                return;
            }
            accounts.update(account.enable());
            audit.append(AuditEntry.of(AuditType.USER_ENABLED, now)
                    .withUser(account.id(), account.username())
                    .withActor(actor.id(), actor.username()));
            outbox.append(AccountEvent.of(AccountEvent.Type.ENABLED, account, actor.id(), now));
        });
    }

    static UserNotFound notFound(UserId userId) {
        return new UserNotFound("No user has id " + userId + ".");
    }
}
