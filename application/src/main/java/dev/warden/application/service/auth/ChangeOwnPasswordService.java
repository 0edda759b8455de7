package dev.warden.application.service.auth;

import dev.warden.application.port.in.auth.ChangeOwnPasswordUseCase;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.PasswordChange;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.Unauthenticated;
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
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.Session;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A user changes their own password, proving it with the current one ({@link PasswordProof}). The
 * order keeps every expensive step behind the cheap ones: the new password's shape (length,
 * characters, username) first; then the lock and the current password (a wrong one counts toward
 * the lockout exactly as a failed login does, and a locked account is refused without a check, so a
 * stolen session cannot guess around the lockout); only a proven user's new password reaches the
 * strength estimate and the hash. On success, under the account's row lock, every other session of
 * the user ends (PASSWORD_CHANGED), the current one stays, and every known device but the one the
 * change came from is forgotten.
 */
public record ChangeOwnPasswordService(TransactionBoundary transactions, UserAccounts accounts,
        SessionStore sessions, KnownDevices devices, AuditTrail audit, EventOutbox outbox,
        SessionEnding ending, PasswordProof proof, PasswordHasher hasher, PasswordBlocklist blocklist,
        WardenPolicy policy, Clock clock) implements ChangeOwnPasswordUseCase {

    private static final String SESSION_GONE = "A valid session is required. Log in again.";

    @Override
    public void changePassword(AuthenticatedSession current, String currentPassword, String newPassword,
                               ClientInfo client, DeviceToken presentedDevice) {
        PasswordChange change = new PasswordChange(currentPassword, newPassword);
        PasswordPolicy.checkShape(current.account().username(), change.newPassword());
        PasswordProof.Checked checked = proof.check(current.account().id(), change.currentPassword(), presentedDevice);
        // Only a user who proved the current password gets strength work and a hash for the new one.
        String newHash = checked.matched()
                ? hasher.hash(PasswordPolicy.check(checked.seen().username(), change.newPassword(), blocklist::contains))
                : null;
        boolean changed = transactions.inTransaction(() -> proof.confirm(checked, client, "password change",
                        "wrong current password on password change")
                .map(account -> apply(current, account, checked, newHash, client))
                .orElse(false));
        if (!changed) {
            throw new InvalidCredentials();
        }
    }

    /** Under the account's row lock, with the current password proven. */
    private boolean apply(AuthenticatedSession current, Account account, PasswordProof.Checked checked,
                          String newHash, ClientInfo client) {
        Instant now = Now.of(clock);
        List<Session> open = sessions.lockOpenByUser(account.id());
        if (open.stream().noneMatch(s -> s.id().equals(current.session().id()))) {
            // Ended while the password was being checked: nothing changes (the throw rolls back).
            throw new Unauthenticated(SESSION_GONE);
        }
        Account after = account.withPassword(newHash);
        accounts.update(after);
        List<Session> others = open.stream().filter(s -> !s.id().equals(current.session().id())).toList();
        int ended = ending.endAll(others, TerminationReason.PASSWORD_CHANGED, current.actor(), client, now, policy);
        // Whoever held an old cookie of this user starts again as an unknown client; this browser stays known.
        Optional.ofNullable(checked.device()).ifPresentOrElse(
                device -> devices.forgetAllExcept(account.id(), device.tokenHash()),
                () -> devices.forgetAll(account.id()));
        audit.append(PasswordFailures.entry(AuditType.PASSWORD_CHANGED, account, client, now)
                .withActor(account.id(), account.username())
                .withSession(current.session().id())
                .withReason(ended + " other active sessions ended"));
        outbox.append(AccountEvent.of(AccountEvent.Type.PASSWORD_CHANGED, after, account.id(), now));
        return true;
    }
}
