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
 * Logs users in. The whole attempt runs under the account's row lock, so parallel attempts for
 * one user are counted one after another (failures, lockout) and cannot both see room for a
 * session. A refused attempt still commits its audit entry and failure count, then answers with
 * the same {@link InvalidCredentials} whatever the real cause; every refusal runs one password
 * hash so that timing does not tell them apart either.
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
        String typedName = dev.warden.domain.Username.lookupForm(username);
        String normalizedPassword = PasswordPolicy.normalize(password == null ? "" : password);
        Outcome outcome = transactions.inTransaction(() -> attempt(typedName, normalizedPassword, client));
        return switch (outcome) {
            case Outcome.Success success -> success.result();
            case Outcome.Refused refused -> throw new InvalidCredentials(FAILURE_MESSAGE);
            case Outcome.LimitReached limit -> throw limit.error();
        };
    }

    private Outcome attempt(String typedName, String password, ClientInfo client) {
        Instant now = Now.of(clock);
        Optional<Account> found = accounts.lockByUsername(typedName);
        if (found.isEmpty()) {
            hasher.verifyNothing(password);
            audit.append(AuditEntry.of(AuditType.LOGIN_FAILED, now).withUser(null, typedName)
                    .withClient(client).withReason("unknown user"));
            return new Outcome.Refused();
        }
        Account account = found.get();
        if (!account.canLogIn(now)) {
            hasher.verifyNothing(password);
            boolean locked = account.isLockedAt(now);
            audit.append(entry(locked ? AuditType.LOGIN_REJECTED_LOCKED : AuditType.LOGIN_REJECTED_DISABLED,
                    account, client, now).withReason(locked ? "locked until " + account.lockedUntil() : "disabled"));
            return new Outcome.Refused();
        }
        if (!hasher.verify(password, account.passwordHash())) {
            Account after = account.recordFailedLogin(now, policy);
            accounts.update(after);
            audit.append(entry(AuditType.LOGIN_FAILED, account, client, now).withReason("wrong password"));
            if (account.becameLockedBy(after, now)) {
                audit.append(entry(AuditType.ACCOUNT_LOCKED, account, client, now)
                        .withReason("locked until " + after.lockedUntil()));
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
