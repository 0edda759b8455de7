package dev.warden.application.service.auth;

import dev.warden.application.port.in.sessions.Unauthenticated;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.service.Now;
import dev.warden.domain.Account;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.DeviceToken;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.LoginGate;
import dev.warden.domain.PasswordPolicy;
import dev.warden.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A signed-in user proves their password again (an own password change, a re-authentication), in
 * the login's two halves so that the slow part holds nothing: {@link #check} reads the account and
 * the presented device without a lock and verifies the password with no connection held (a decoy
 * hash while the account or device is locked: the lock is checked before any password work); then
 * {@link #confirm}, inside the caller's transaction, takes the account's row lock, looks again, and
 * counts a wrong password exactly as a failed login ({@link PasswordFailures}), and a right one
 * restarts the count as a successful login does.
 */
public final class PasswordProof {
    private static final String SESSION_GONE = "A valid session is required. Log in again.";

    private final UserAccounts accounts;
    private final KnownDevices devices;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final PasswordFailures failures;
    private final Clock clock;

    public PasswordProof(UserAccounts accounts, KnownDevices devices, AuditTrail audit, PasswordHasher hasher,
                  PasswordFailures failures, Clock clock) {
        this.accounts = accounts;
        this.devices = devices;
        this.audit = audit;
        this.hasher = hasher;
        this.failures = failures;
        this.clock = clock;
    }

    /**
     * What the check found before the lock: the account and known device as read, why the password
     * was not really checked (null when it was), and whether it matched.
     */
    record Checked(Account seen, KnownDevice device, LoginGate.Refusal refusal, boolean matched) {
    }

    /** Step 1 and 2: exactly one hash (a decoy while locked), outside any transaction. */
    Checked check(UserId userId, String password, DeviceToken presentedDevice) {
        Account seen = accounts.findById(userId).orElseThrow(() -> new Unauthenticated(SESSION_GONE));
        KnownDevice device = presentedDevice == null ? null
                : devices.find(seen.id(), presentedDevice.hash()).orElse(null);
        Optional<LoginGate.Refusal> refusal = LoginGate.refusal(seen, device, Now.of(clock));
        String presented = PasswordPolicy.isOverlong(password) ? "" : PasswordPolicy.normalize(password);
        if (refusal.isPresent() || presented.isEmpty()) {
            hasher.verifyNothing(presented);
            return new Checked(seen, device, refusal.orElse(null), false);
        }
        return new Checked(seen, device, null, hasher.verify(presented, seen.passwordHash()));
    }

    /**
     * Step 3, inside the caller's transaction: the account under its row lock when the proof still
     * holds; otherwise empty, with the refusal or the counted failure recorded.
     *
     * @param action       what the user was doing, for the audit ("password change")
     * @param wrongPassword the audit reason of a wrong password
     */
    Optional<Account> confirm(Checked checked, ClientInfo client, String action, String wrongPassword) {
        Instant now = Now.of(clock);
        Account account = accounts.lockById(checked.seen().id()).orElseThrow(() -> new Unauthenticated(SESSION_GONE));
        KnownDevice device = checked.device() == null ? null
                // Every change to a user's devices holds the user's row lock: this read is current.
                : devices.find(account.id(), checked.device().tokenHash()).orElse(null);
        LoginGate.Refusal refusal = LoginGate.refusal(account, device, now).orElse(checked.refusal());
        if (refusal != null) {
            boolean disabled = refusal.cause() == LoginGate.Refusal.Cause.DISABLED;
            audit.append(PasswordFailures.entry(disabled ? AuditType.LOGIN_REJECTED_DISABLED
                    : AuditType.LOGIN_REJECTED_LOCKED, account, client, now).withReason(action + " while " + refusal.reason()));
            return Optional.empty();
        }
        if (!account.passwordHash().equals(checked.seen().passwordHash())) {
            // Changed or reset meanwhile: the check proves nothing now, and it is not the user's failure.
            audit.append(PasswordFailures.entry(AuditType.LOGIN_FAILED, account, client, now)
                    .withReason("password changed during " + action));
            return Optional.empty();
        }
        if (!checked.matched()) {
            failures.record(account, device, client, now, wrongPassword);
            return Optional.empty();
        }
        // The right password restarts the count it would have added to, as a login's does.
        if (device != null) {
            devices.save(device.recordSuccessfulLogin(now));
            return Optional.of(account);
        }
        Account proven = account.recordSuccessfulLogin();
        if (proven != account) {
            accounts.update(proven);
        }
        return Optional.of(proven);
    }
}
