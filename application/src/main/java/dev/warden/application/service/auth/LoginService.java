package dev.warden.application.service.auth;

import dev.warden.application.port.in.accounts.AccountView;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.LoginUseCase;
import dev.warden.application.port.in.auth.TooManyLoginAttempts;
import dev.warden.application.port.in.sessions.DescribeClientUseCase;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.LoginRecords;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TemporarilyUnavailable;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.application.port.out.WardenMetrics.LoginOutcome;
import dev.warden.application.service.Now;
import dev.warden.domain.Account;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.LoginGate;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.Session;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.SessionLimit;
import dev.warden.domain.SessionLimitReached;
import dev.warden.domain.SessionToken;
import dev.warden.domain.Username;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs users in, in three steps, so that the slow part holds nothing another request needs:
 * <ol>
 *   <li>read the account, and the presented device if it is known for that account, without a
 *       lock; an attempt that does not come from a known device is counted against its client's
 *       throttle window, and refused with {@link TooManyLoginAttempts} when that is full (no hash);</li>
 *   <li>verify the password with no connection and no lock held (Argon2 takes tens of
 *       milliseconds; a flood of logins must not starve the pool or queue on a row lock);</li>
 *   <li>in one transaction, take the account's row lock, check that the account (and device) is
 *       still the one that was verified, and apply the outcome: failure count and lockout, or the
 *       session limit and the new session, each with its audit entry and event.</li>
 * </ol>
 * Counting happens only in step 3, under the lock, so parallel attempts are counted one after
 * another and cannot both see room for a session. Every refusal answers the same
 * {@link InvalidCredentials} and has spent one password hash, whatever the real cause (unknown
 * user, wrong password, locked, disabled); the audit log records the truth.
 *
 * <p>Known devices (see {@link KnownDevice}): a browser that logged in as this user before
 * answers to its own lock instead of the account's and is not throttled, so an attacker who
 * floods the username cannot keep its user out. A known device's failures and successes touch
 * only that device's count; the account's count and lock belong to every other client. Each
 * success makes the browser's device token known for the user: a new one, minted here, when the
 * browser had none or presented one that was never issued to this user (issue 17).
 *
 * <p>Each attempt's outcome is recorded once in {@link WardenMetrics}, with its true cause (the
 * caller only ever sees "invalid credentials"), after its transaction committed.
 *
 * <p>Round trips to the store (issue 22): step 1 is one ({@link LoginRecords#sight} reads the
 * account and device and counts the attempt together; only a known device the throttle does not
 * exempt costs a second, to count it); step 3 is two: {@link LoginRecords#lock} (the lock and the
 * reads under it), then every write with the commit ({@link TransactionBoundary#inTransactionWritingAtCommit}).
 * The throttle ticket of a right password is given back by the last of those writes: the address's
 * counter row is then held only while the commit is written, never while a round trip is under way.
 */
public final class LoginService implements LoginUseCase {
    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final PasswordHasher hasher;
    private final WardenPolicy policy;
    private final Clock clock;
    private final SecureRandom random;
    private final KnownDevices devices;
    private final LoginRecords records;
    private final LoginThrottling throttling;
    private final PasswordFailures failures;
    private final WardenMetrics metrics;
    private final DescribeClientUseCase clients;

    /** @param clients reads the user agent for the created event, once the password is known to be right */
    public LoginService(TransactionBoundary transactions, UserAccounts accounts, SessionStore sessions,
                        AuditTrail audit, EventOutbox outbox, PasswordHasher hasher, WardenPolicy policy,
                        Clock clock, SecureRandom random, KnownDevices devices, LoginThrottle throttle,
                        LoginThrottlePolicy throttlePolicy, WardenMetrics metrics, DescribeClientUseCase clients,
                        LoginRecords records) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.outbox = outbox;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.devices = devices;
        this.records = records;
        this.throttling = new LoginThrottling(throttle, audit, throttlePolicy);
        this.failures = new PasswordFailures(transactions, accounts, devices, audit, outbox, metrics, policy);
        this.metrics = metrics;
        this.clients = clients;
    }

    @Override
    public LoginResult login(String username, String password, ClientInfo client, DeviceToken presented) {
        LoginOutcome recorded = LoginOutcome.ERROR;
        try {
            Outcome outcome = attempt(username, password, client, presented);
            recorded = outcome.metric();
            return switch (outcome) {
                case Outcome.Success success -> success.result();
                case Outcome.Refused refused -> throw new InvalidCredentials();
                case Outcome.LimitReached limit -> throw limit.error();
            };
        } catch (TooManyLoginAttempts e) {
            recorded = LoginOutcome.THROTTLED;
            throw e;
        } catch (TemporarilyUnavailable e) {
            recorded = LoginOutcome.UNAVAILABLE;
            throw e;
        } finally {
            metrics.loginAttempted(recorded);
        }
    }

    private Outcome attempt(String username, String password, ClientInfo client, DeviceToken presented) {
        String typedName = Username.lookupForm(username);
        // Input no password can be is not normalised at all (NFKC is quadratic on runs of combining marks);
        // it still costs one hash below, like any wrong password.
        String normalizedPassword = password == null || PasswordPolicy.isOverlong(password) ? ""
                : PasswordPolicy.normalize(password);

        Instant now = Now.of(clock);
        // Counted unless the presented device is known for the account, in the same round trip.
        LoginRecords.Sighting sighting = records.sight(typedName, presented == null ? null : presented.hash(),
                throttling.count(client, now));
        Optional<Account> seen = sighting.account();
        KnownDevice device = sighting.device().orElse(null);
        // Decided before any hash. A known device that may try now is exempt (it may share an address
        // with an attacker); a locked one, or a disabled account's, is throttled like any client.
        boolean exempt = seen.isPresent() && LoginGate.skipsAddressThrottle(seen.get(), device, now);
        LoginThrottling.Ticket ticket = exempt ? null
                : throttling.admitted(sighting.admission(), client, seen, typedName, now);
        // Device tokens are minted here only: a value this user was never issued (planted by a sibling
        // site, or another user's) is ignored and replaced, so it cannot buy a guess budget of its own.
        DeviceToken keep = device != null ? presented : DeviceToken.generate(random);
        Outcome outcome;
        try {
            Verification verification = verify(seen, device, normalizedPassword);
            // Parsed for the created event only when a session may follow, and before the row lock: a
            // header never seen before costs a few milliseconds, which no other login should wait for.
            ClientDescription described = verification.passwordMatched() ? clients.describe(client.userAgent()) : null;
            outcome = transactions.inTransactionWritingAtCommit(() -> {
                Outcome decided = apply(typedName, verification, client, described, keep);
                if (!(decided instanceof Outcome.Refused) && ticket != null) {
                    // The right password. The last write, sent with the commit: the address's counter
                    // row is held while the commit is written, not while a round trip is under way, so
                    // logins from that address (any user) do not queue behind this one's session.
                    throttling.giveBack(ticket);
                }
                return decided;
            });
        } catch (RuntimeException e) {
            // No answer about the password (hashing saturated, database gone), or the transaction
            // that would have given the ticket back rolled back: not a failure either.
            throttling.giveBackQuietly(ticket, e);
            throw e;
        }
        return outcome;
    }

    /** Step 2: exactly one hash for every attempt, outside any transaction. */
    private Verification verify(Optional<Account> seen, KnownDevice device, String password) {
        Instant now = Now.of(clock);
        if (seen.isEmpty()) {
            hasher.verifyNothing(password);
            return new Verification(null, null, null, false);
        }
        Optional<LoginGate.Refusal> refusal = LoginGate.refusal(seen.get(), device, now);
        if (refusal.isPresent()) {
            hasher.verifyNothing(password);
            return new Verification(seen.get(), device, refusal.get(), false);
        }
        return new Verification(seen.get(), device, null, hasher.verify(password, seen.get().passwordHash()));
    }

    /** Step 3: under the account's row lock, decide and record. */
    private Outcome apply(String typedName, Verification verification, ClientInfo client, ClientDescription described,
                          DeviceToken keep) {
        Instant now = Now.of(clock);
        // The lock, the device and the session count, read in one round trip under the lock.
        Optional<LoginRecords.Locked> current = verification.account() == null ? Optional.empty()
                : records.lock(verification.account().id(),
                        verification.device() == null ? null : verification.device().tokenHash(),
                        ActiveWindow.at(now, policy));
        if (current.isEmpty()) {
            // Unknown, or deleted while the password was being checked.
            audit.append(AuditEntry.of(AuditType.LOGIN_FAILED, now).withUser(null, typedName)
                    .withClient(client).withReason("unknown user"));
            return new Outcome.Refused(LoginOutcome.FAILED);
        }
        Account account = current.get().account();
        KnownDevice device = null;
        if (verification.device() != null) {
            // Every change to a user's devices holds the user's row lock: this read is current.
            device = current.get().device();
            if (device == null) {
                audit.append(entry(AuditType.LOGIN_FAILED, account, client, now)
                        .withReason("known device forgotten during login"));
                return new Outcome.Refused(LoginOutcome.FAILED);
            }
        }
        // Refused as the account is now, or as it was when the decoy hash ran instead of a real check.
        LoginGate.Refusal refusal = LoginGate.refusal(account, device, now).orElse(verification.refusal());
        if (refusal != null) {
            boolean disabled = refusal.cause() == LoginGate.Refusal.Cause.DISABLED;
            audit.append(entry(disabled ? AuditType.LOGIN_REJECTED_DISABLED : AuditType.LOGIN_REJECTED_LOCKED,
                    account, client, now).withReason(refusal.reason()));
            return new Outcome.Refused(disabled ? LoginOutcome.DISABLED : LoginOutcome.LOCKED);
        }
        if (!account.passwordHash().equals(verification.account().passwordHash())) {
            // The password changed while the old one was being checked: that check proves nothing now,
            // and it is not the user's failure either.
            audit.append(entry(AuditType.LOGIN_FAILED, account, client, now)
                    .withReason("password changed during login"));
            return new Outcome.Refused(LoginOutcome.FAILED);
        }
        if (!verification.passwordMatched()) {
            failures.record(account, device, client, now, "wrong password");
            return new Outcome.Refused(LoginOutcome.FAILED);
        }
        Account verified = account;
        if (device != null) {
            devices.save(device.recordSuccessfulLogin(now));
        } else {
            verified = account.recordSuccessfulLogin();
            if (verified != account) {
                accounts.update(verified);
            }
        }
        try {
            SessionLimit.ensureRoomForOneMore(current.get().activeSessions(), policy);
        } catch (SessionLimitReached e) {
            audit.append(entry(AuditType.LOGIN_REJECTED_SESSION_LIMIT, account, client, now)
                    .withReason("limit " + e.limit()));
            return new Outcome.LimitReached(e);
        }
        if (device == null) {
            // Upserted: a parallel login from the same browser may have just registered it.
            devices.save(KnownDevice.register(account.id(), keep.hash(), now));
            devices.keepMostRecentlyUsed(account.id(), KnownDevice.MAX_PER_USER);
        }
        SessionToken token = SessionToken.generate(random);
        Session session = Session.start(SessionId.random(), account.id(), account.username(), token.hash(),
                client, now, policy);
        sessions.insert(session);
        AuditEntry succeeded = entry(AuditType.LOGIN_SUCCEEDED, account, client, now).withSession(session.id());
        audit.append(device != null ? succeeded.withReason("known device") : succeeded);
        outbox.append(SessionEvent.created(session, described, now));
        return new Outcome.Success(new LoginResult(token, session, AccountView.of(verified), keep));
    }

    private static AuditEntry entry(AuditType type, Account account, ClientInfo client, Instant now) {
        return PasswordFailures.entry(type, account, client, now);
    }

    /**
     * What step 2 found: the account and known device as read before the hash (null when unknown
     * or none), why the password was not really checked (a locked device or account, a disabled
     * account; null when it was), and the result.
     */
    private record Verification(Account account, KnownDevice device, LoginGate.Refusal refusal,
                                boolean passwordMatched) {
    }

    /** What the transaction decided; refusals commit their audit trail before they are thrown. */
    private sealed interface Outcome {
        /** What the metrics call it. */
        LoginOutcome metric();

        record Success(LoginResult result) implements Outcome {
            @Override
            public LoginOutcome metric() {
                return LoginOutcome.SUCCEEDED;
            }
        }

        /** @param cause the truth behind the one answer every refusal gets */
        record Refused(LoginOutcome cause) implements Outcome {
            @Override
            public LoginOutcome metric() {
                return cause;
            }
        }

        record LimitReached(SessionLimitReached error) implements Outcome {
            @Override
            public LoginOutcome metric() {
                return LoginOutcome.SESSION_LIMIT;
            }
        }
    }
}
