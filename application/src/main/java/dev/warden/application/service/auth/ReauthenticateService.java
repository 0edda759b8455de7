package dev.warden.application.service.auth;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.ReauthenticateUseCase;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.application.service.Now;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * Step-up: the current session proves the password again ({@link PasswordProof}: the lock first, a
 * wrong password counted like a failed login), and from then on counts as freshly authenticated
 * for the sensitive actions, for {@link WardenPolicy#reauthWindow()}. Audited REAUTHENTICATED.
 */
public final class ReauthenticateService implements ReauthenticateUseCase {
    private final TransactionBoundary transactions;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final PasswordProof proof;
    private final Clock clock;

    public ReauthenticateService(TransactionBoundary transactions, UserAccounts accounts, SessionStore sessions,
                                 KnownDevices devices, AuditTrail audit, EventOutbox outbox, PasswordHasher hasher,
                                 WardenMetrics metrics, WardenPolicy policy, Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.audit = audit;
        this.proof = new PasswordProof(accounts, devices, audit, hasher,
                new PasswordFailures(transactions, accounts, devices, audit, outbox, metrics, policy), clock);
        this.clock = clock;
    }

    @Override
    public void reauthenticate(AuthenticatedSession current, String password, DeviceToken presentedDevice,
                               ClientInfo client) {
        if (password == null) {
            throw new InvalidRequest("password is required.");
        }
        PasswordProof.Checked checked = proof.check(current.account().id(), password, presentedDevice);
        boolean proven = transactions.inTransaction(() -> proof.confirm(checked, client, "re-authentication",
                "wrong password on re-authentication").map(account -> {
                    Instant now = Now.of(clock);
                    if (sessions.lockOpenById(current.session().id()).isEmpty()) {
                        throw new Unauthenticated("A valid session is required. Log in again.");
                    }
                    sessions.recordReauthentication(current.session().id(), now);
                    audit.append(PasswordFailures.entry(AuditType.REAUTHENTICATED, account, client, now)
                            .withSession(current.session().id()));
                    return true;
                }).orElse(false));
        if (!proven) {
            throw new InvalidCredentials("The password is incorrect.");
        }
    }
}
