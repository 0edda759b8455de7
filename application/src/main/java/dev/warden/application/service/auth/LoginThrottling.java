package dev.warden.application.service.auth;

import dev.warden.application.port.in.auth.TooManyLoginAttempts;
import dev.warden.application.port.out.AuditTrail;
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
 * two short statements (besides the account lookup) and no hash; only the 1st, 10th, 100th...
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
        throw new TooManyLoginAttempts("Too many failed logins from this address; try again in "
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
