package dev.warden.application.service.auth;

import dev.warden.application.port.in.auth.TooManyLoginAttempts;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.LoginRecords;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.domain.Account;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.LoginThrottlePolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * The per-client throttle as a login uses it: an attempt is counted before its password is hashed
 * (so a burst of parallel attempts cannot all pass), and given back when the password was right
 * (so a busy office behind one address is not throttled by its successes). A refused attempt costs
 * one short statement besides the lookup that counted it (LoginRecords#sight), and no hash; only the 1st, 10th, 100th...
 * refusal of a client's window writes an audit entry.
 */
final class LoginThrottling {
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final LoginThrottlePolicy policy;

    LoginThrottling(LoginThrottle throttle, AuditTrail audit, LoginThrottlePolicy policy) {
        this.throttle = throttle;
        this.audit = audit;
        this.policy = policy;
    }

    /** An attempt counted against its client's window; {@link #giveBack} takes it back. */
    record Ticket(String client, Instant windowStart) {
    }

    /**
     * Counts the attempt.
     *
     * @param seen      the account the attempt names, if one exists (for the audit entry)
     * @param typedName the username as typed
     * @throws TooManyLoginAttempts when the client's window is full
     */
    Ticket admit(ClientInfo client, Optional<Account> seen, String typedName, Instant now) {
        String key = LoginThrottlePolicy.clientKey(client.ipAddress());
        Instant windowStart = policy.windowStart(now);
        if (throttle.tryCount(key, windowStart, policy.failureLimit())) {
            return new Ticket(key, windowStart);
        }
        throw refuse(key, windowStart, seen, typedName, client, now);
    }

    /** What {@link LoginRecords#sight} is to count for this client now. */
    LoginRecords.ThrottleCount count(ClientInfo client, Instant now) {
        return new LoginRecords.ThrottleCount(LoginThrottlePolicy.clientKey(client.ipAddress()),
                policy.windowStart(now), policy.failureLimit());
    }

    /**
     * {@link #admit} for an attempt {@link LoginRecords#sight} already counted (or found full); one it
     * did not count (a known device the caller found not exempt) is counted now.
     *
     * @throws TooManyLoginAttempts when the client's window is full
     */
    Ticket admitted(LoginRecords.Admission admission, ClientInfo client, Optional<Account> seen, String typedName,
                    Instant now) {
        LoginRecords.ThrottleCount count = count(client, now);
        return switch (admission) {
            case COUNTED -> new Ticket(count.client(), count.windowStart());
            case FULL -> throw refuse(count.client(), count.windowStart(), seen, typedName, client, now);
            case NOT_COUNTED -> admit(client, seen, typedName, now);
        };
    }

    private TooManyLoginAttempts refuse(String key, Instant windowStart, Optional<Account> seen, String typedName,
                                        ClientInfo client, Instant now) {
        long refused = throttle.countRefusal(key, windowStart);
        if (LoginThrottlePolicy.auditsRefusal(refused)) {
            audit.append(AuditEntry.of(AuditType.LOGIN_THROTTLED, now)
                    .withUser(seen.map(Account::id).orElse(null), seen.map(Account::username).orElse(typedName))
                    .withClient(client)
                    .withReason(policy.failureLimit() + " failed logins from " + key + " in the window from "
                            + windowStart + "; refused attempts in it so far: " + refused
                            + " (logged at 1, 10, 100, ...); allowed again at " + policy.windowEnd(windowStart)));
        }
        long retryAfter = policy.retryAfterSeconds(now);
        return new TooManyLoginAttempts("Too many failed logins from this address; try again in "
                + retryAfter + " seconds.", retryAfter);
    }

    /** The attempt had the right password: it does not count as a failure. */
    void giveBack(Ticket ticket) {
        throttle.uncount(ticket.client(), ticket.windowStart());
    }

    /**
     * {@link #giveBack} for a ticket that may be null (a known device was not counted), best effort:
     * a give-back that fails leaves the address one attempt closer to its limit for the rest of the
     * window, which is better than failing a login that already succeeded.
     *
     * @param cause the failure the login is about to throw, which keeps this one as suppressed; or null
     */
    void giveBackQuietly(Ticket ticket, RuntimeException cause) {
        if (ticket == null) {
            return;
        }
        try {
            giveBack(ticket);
        } catch (RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }
}
