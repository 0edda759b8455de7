package dev.warden.application.service.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.EnteredPassword;
import dev.warden.application.port.in.accounts.ResetPasswordUseCase;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.application.service.sessions.SessionEnding;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.StepUp;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * An administrator sets a new password, for an account whose password leaked. The new password
 * is checked and hashed before the transaction (Argon2 is slow and needs no lock); then, under the
 * account's row lock, the hash is replaced, a lock lifted, and every session ended, so whoever
 * held the old password or a token is out. A login verified against the old hash is refused at its
 * last step, which compares the hash it checked with the one under the lock. The user's known devices
 * are forgotten with the old password. Nobody resets their own password here, and resetting an ADMIN
 * needs a fresh password entry ({@link StepUp}).
 */
public record ResetPasswordService(TransactionBoundary transactions, UserAccounts accounts,
        SessionStore sessions, KnownDevices devices, AuditTrail audit, EventOutbox outbox,
        SessionEnding ending, StepUpCheck stepUp, PasswordHasher hasher, PasswordBlocklist blocklist,
        WardenPolicy policy, Clock clock) implements ResetPasswordUseCase {

    @Override
    public int resetPassword(UserId userId, String newPassword, Actor actor) {
        actor.requireAdministrator();
        String password = new EnteredPassword(newPassword).value();
        Account seen = accounts.findById(userId).orElseThrow(() -> AccountStatusService.notFound(userId));
        // Checked here so that a refused reset spends no hash; checked again under the lock below.
        ManagementRights.requireMayResetPassword(actor, seen);
        stepUp.requireIf(StepUp.neededToManage(seen.role()), actor);
        String hash = hasher.hash(PasswordPolicy.check(seen.username(), password, blocklist::contains));
        return transactions.inTransaction(() -> {
            Instant now = Now.of(clock);
            Account account = accounts.lockById(userId).orElseThrow(() -> AccountStatusService.notFound(userId));
            ManagementRights.requireMayResetPassword(actor, account);
            boolean wasLocked = account.isLockedAt(now);
            Account after = account.withPassword(hash);
            accounts.update(after);
            int terminated = ending.endAll(sessions.lockOpenByUser(userId), TerminationReason.PASSWORD_RESET,
                    actor, null, now, policy);
            // Whoever held the old password must not keep a known device's exemptions either.
            devices.forgetAll(userId);
            audit.append(AuditEntry.of(AuditType.PASSWORD_RESET, now)
                    .withUser(account.id(), account.username())
                    .withActor(actor.id(), actor.username())
                    .withReason(terminated + " active sessions ended"));
            if (wasLocked) {
                audit.append(AuditEntry.of(AuditType.ACCOUNT_UNLOCKED, now)
                        .withUser(account.id(), account.username())
                        .withActor(actor.id(), actor.username())
                        .withReason("password reset"));
                outbox.append(AccountEvent.of(AccountEvent.Type.UNLOCKED, after, actor.id(), now));
            }
            outbox.append(AccountEvent.of(AccountEvent.Type.PASSWORD_CHANGED, after, actor.id(), now));
            return terminated;
        });
    }
}
