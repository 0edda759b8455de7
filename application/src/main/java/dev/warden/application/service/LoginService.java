package dev.warden.application.service;

import dev.warden.application.port.in.InvalidCredentials;
import dev.warden.application.port.in.LoginUseCase;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.Session;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.SessionLimit;
import dev.warden.domain.SessionLimitReached;
import dev.warden.domain.SessionToken;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs users in, in three steps, so that the slow part holds nothing another request needs:
 * <ol>
 *   <li>read the account without a lock (one short statement);</li>
 *   <li>verify the password with no connection and no lock held (Argon2 takes tens of
 *       milliseconds; a flood of logins must not starve the pool or queue on a row lock);</li>
 *   <li>in one transaction, take the account's row lock, check that the account is still the one
 *       that was verified, and apply the outcome: failure count and lockout, or the session limit
 *       and the new session, each with its audit entry and event.</li>
 * </ol>
 * Counting happens only in step 3, under the lock, so parallel attempts are counted one after
 * another and cannot both see room for a session. Every refusal answers the same
 * {@link InvalidCredentials} and has spent one password hash, whatever the real cause (unknown
 * user, wrong password, locked, disabled); the audit log records the truth.
 */
public final class LoginService implements LoginUseCase {
    private static final String FAILURE_MESSAGE = "The username or password is incorrect.";

    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final PasswordHasher hasher;
    private final WardenPolicy policy;
    private final Clock clock;
    private final SecureRandom random;

    public LoginService(TransactionBoundary transactions, UserAccounts accounts, SessionStore sessions,
                        AuditTrail audit, EventOutbox outbox, PasswordHasher hasher, WardenPolicy policy,
                        Clock clock, SecureRandom random) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.outbox = outbox;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public LoginResult login(String username, String password, ClientInfo client) {
        String typedName = username == null ? "" : username.strip();
        String normalizedPassword = PasswordPolicy.normalize(password == null ? "" : password);

        Optional<Account> seen = accounts.findByUsername(typedName);
        Verification verification = verify(seen, normalizedPassword);
        Outcome outcome = transactions.inTransaction(() -> apply(typedName, verification, client));
        return switch (outcome) {
            case Outcome.Success success -> success.result();
            case Outcome.Refused refused -> throw new InvalidCredentials(FAILURE_MESSAGE);
            case Outcome.LimitReached limit -> throw limit.error();
        };
    }

    /** Step 2: exactly one hash for every attempt, outside any transaction. */
    private Verification verify(Optional<Account> seen, String password) {
        Instant now = Now.of(clock);
        if (seen.isEmpty() || !seen.get().canLogIn(now)) {
            hasher.verifyNothing(password);
            return new Verification(seen.orElse(null), false, false);
        }
        return new Verification(seen.get(), true, hasher.verify(password, seen.get().passwordHash()));
    }

    /** Step 3: under the account's row lock, decide and record. */
    private Outcome apply(String typedName, Verification verification, ClientInfo client) {
        Instant now = Now.of(clock);
        Optional<Account> current = verification.account() == null ? Optional.empty()
                : accounts.lockById(verification.account().id());
        if (current.isEmpty()) {
            // Unknown, or deleted while the password was being checked.
            audit.append(AuditEntry.of(AuditType.LOGIN_FAILED, now).withUser(null, typedName)
                    .withClient(client).withReason("unknown user"));
            return new Outcome.Refused();
        }
        Account account = current.get();
        // Refused as the account is now, or as it was when the decoy hash ran instead of a real check.
        Account refusing = !account.canLogIn(now) ? account : verification.checked() ? null : verification.account();
        if (refusing != null) {
            boolean disabled = refusing.status() != AccountStatus.ACTIVE;
            audit.append(entry(disabled ? AuditType.LOGIN_REJECTED_DISABLED : AuditType.LOGIN_REJECTED_LOCKED,
                    account, client, now).withReason(disabled ? "disabled" : "locked until " + refusing.lockedUntil()));
            return new Outcome.Refused();
        }
        if (!account.passwordHash().equals(verification.account().passwordHash())) {
            // The password changed while the old one was being checked: that check proves nothing now,
            // and it is not the user's failure either.
            audit.append(entry(AuditType.LOGIN_FAILED, account, client, now)
                    .withReason("password changed during login"));
            return new Outcome.Refused();
        }
        if (!verification.passwordMatched()) {
            Account after = account.recordFailedLogin(now, policy);
            accounts.update(after);
            audit.append(entry(AuditType.LOGIN_FAILED, account, client, now).withReason("wrong password"));
            if (account.becameLockedBy(after, now)) {
                audit.append(entry(AuditType.ACCOUNT_LOCKED, account, client, now)
                        .withReason("locked until " + after.lockedUntil()));
                // A brute-force signal for security operations (warden.account-events).
                outbox.append(AccountEvent.of(AccountEvent.Type.LOCKED, after, null, now));
            }
            return new Outcome.Refused();
        }
        Account verified = account.recordSuccessfulLogin();
        if (verified != account) {
            accounts.update(verified);
        }
        try {
            SessionLimit.ensureRoomForOneMore(sessions.countActiveByUser(account.id(), ActiveWindow.at(now, policy)), policy);
        } catch (SessionLimitReached e) {
            audit.append(entry(AuditType.LOGIN_REJECTED_SESSION_LIMIT, account, client, now)
                    .withReason("limit " + e.limit()));
            return new Outcome.LimitReached(e);
        }
        SessionToken token = SessionToken.generate(random);
        Session session = Session.start(SessionId.random(), account.id(), account.username(), token.hash(),
                client, now, policy);
        sessions.insert(session);
        audit.append(entry(AuditType.LOGIN_SUCCEEDED, account, client, now).withSession(session.id()));
        outbox.append(SessionEvent.created(session, now));
        return new Outcome.Success(new LoginResult(token, session, verified));
    }

    private static AuditEntry entry(AuditType type, Account account, ClientInfo client, Instant now) {
        return AuditEntry.of(type, now).withUser(account.id(), account.username()).withClient(client);
    }

    /**
     * What step 2 found: the account as read before the hash (null when unknown), whether its
     * password was really checked (not for a locked or disabled account), and the result.
     */
    private record Verification(Account account, boolean checked, boolean passwordMatched) {
    }

    /** What the transaction decided; refusals commit their audit trail before they are thrown. */
    private sealed interface Outcome {
        record Success(LoginResult result) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record LimitReached(SessionLimitReached error) implements Outcome {
        }
    }
}
