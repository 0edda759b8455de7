package dev.warden.application.service.auth;

import dev.warden.application.port.in.EnteredPassword;
import dev.warden.application.port.in.auth.InvalidCredentials;
import dev.warden.application.port.in.auth.ReauthenticateUseCase;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
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
public record ReauthenticateService(TransactionBoundary transactions, SessionStore sessions, AuditTrail audit,
        PasswordProof proof, Clock clock) implements ReauthenticateUseCase {

    @Override
    public void reauthenticate(AuthenticatedSession current, String password, DeviceToken presentedDevice,
                               ClientInfo client) {
        String entered = new EnteredPassword(password).value();
        PasswordProof.Checked checked = proof.check(current.account().id(), entered, presentedDevice);
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
            throw new InvalidCredentials();
        }
    }
}
