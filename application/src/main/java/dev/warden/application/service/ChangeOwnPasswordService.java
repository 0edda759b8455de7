package dev.warden.application.service;

import dev.warden.application.port.in.AuthenticatedSession;
import dev.warden.application.port.in.ChangeOwnPasswordUseCase;
import dev.warden.application.port.in.InvalidCredentials;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.Unauthenticated;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.Session;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A user changes their own password, proving it with the current one. Like a login, in three
 * steps so that the slow part holds nothing: check the new password against the policy and read
 * the account; verify the current password and hash the new one with no connection or lock held;
 * then, under the account's row lock, apply the outcome. A wrong current password counts toward
 * the lockout exactly as a failed login does (it is a password guess, made through a session), and
 * a locked account is refused without a check, so a stolen session cannot be used to guess
 * around the lockout. On success every other session of the user ends (PASSWORD_CHANGED) and the
 * current one stays.
 */
public final class ChangeOwnPasswordService implements ChangeOwnPasswordUseCase {
    private static final String FAILURE_MESSAGE = "The current password is incorrect.";

    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final SessionEnding ending;
    private final PasswordHasher hasher;
    private final PasswordBlocklist blocklist;
    private final WardenPolicy policy;
    private final Clock clock;

    public ChangeOwnPasswordService(TransactionBoundary transactions, UserAccounts accounts, SessionStore sessions,
                                    AuditTrail audit, EventOutbox outbox, PasswordHasher hasher,
                                    PasswordBlocklist blocklist, WardenPolicy policy, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.outbox = outbox;
        this.ending = new SessionEnding(sessions, audit, outbox);
        this.hasher = hasher;
        this.blocklist = blocklist;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void changePassword(AuthenticatedSession current, String currentPassword, String newPassword,
                               ClientInfo client) {
        if (currentPassword == null || newPassword == null) {
            throw new InvalidRequest("currentPassword and newPassword are required.");
        }
        Account seen = accounts.findById(current.account().id())
                .orElseThrow(() -> new Unauthenticated("A valid session is required. Log in again."));
        String normalizedNew = PasswordPolicy.check(seen.username(), newPassword, blocklist::contains);

        // Step 2: one verification (a decoy while locked), and the new hash only when it can be used.
        String presented = PasswordPolicy.normalize(currentPassword);
        boolean checked = !seen.isLockedAt(Now.of(clock));
        boolean matched;
        if (checked) {
            matched = hasher.verify(presented, seen.passwordHash());
        } else {
            hasher.verifyNothing(presented);
            matched = false;
        }
        String newHash = matched ? hasher.hash(normalizedNew) : null;

        boolean changed = transactions.inTransaction(() -> apply(current, seen, checked, matched, newHash, client));
        if (!changed) {
            throw new InvalidCredentials(FAILURE_MESSAGE);
        }
    }

    /** Step 3, under the account's row lock. @return false when refused (the refusal's audit commits) */
    private boolean apply(AuthenticatedSession current, Account seen, boolean checked, boolean matched,
                          String newHash, ClientInfo client) {
        Instant now = Now.of(clock);
        Account account = accounts.lockById(seen.id())
                .orElseThrow(() -> new Unauthenticated("A valid session is required. Log in again."));
        if (!checked || account.isLockedAt(now)) {
            audit.append(entry(AuditType.LOGIN_REJECTED_LOCKED, account, client, now)
                    .withReason("password change while locked until " + account.lockedUntil()));
            return false;
        }
        if (!account.passwordHash().equals(seen.passwordHash())) {
            // Changed or reset meanwhile: the check proves nothing now, and it is not the user's failure.
            audit.append(entry(AuditType.LOGIN_FAILED, account, client, now)
                    .withReason("password changed during password change"));
            return false;
        }
        if (!matched) {
            Account after = account.recordFailedLogin(now, policy);
            accounts.update(after);
            audit.append(entry(AuditType.LOGIN_FAILED, account, client, now)
                    .withReason("wrong current password on password change"));
            if (account.becameLockedBy(after, now)) {
                audit.append(entry(AuditType.ACCOUNT_LOCKED, account, client, now)
                        .withReason("locked until " + after.lockedUntil()));
                outbox.append(AccountEvent.of(AccountEvent.Type.LOCKED, after, null, now));
            }
            return false;
        }
        List<Session> open = sessions.lockOpenByUser(account.id());
        if (open.stream().noneMatch(s -> s.id().equals(current.session().id()))) {
            // Ended while the password was being checked: nothing changes (the throw rolls back).
            throw new Unauthenticated("A valid session is required. Log in again.");
        }
        Account after = account.withPassword(newHash);
        accounts.update(after);
        List<Session> others = open.stream().filter(s -> !s.id().equals(current.session().id())).toList();
        int ended = ending.endAll(others, TerminationReason.PASSWORD_CHANGED, current.actor(), client, now, policy);
        audit.append(entry(AuditType.PASSWORD_CHANGED, account, client, now)
                .withActor(account.id(), account.username())
                .withSession(current.session().id())
                .withReason(ended + " other active sessions ended"));
        outbox.append(AccountEvent.of(AccountEvent.Type.PASSWORD_CHANGED, after, account.id(), now));
        return true;
    }

    private static AuditEntry entry(AuditType type, Account account, ClientInfo client, Instant now) {
        AuditEntry entry = AuditEntry.of(type, now).withUser(account.id(), account.username());
        return client == null ? entry : entry.withClient(client);
    }
}
