package dev.warden.application.service.auth;

import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.WardenPolicy;
import java.time.Instant;

/**
 * The one place a wrong password is counted, whether it came with a login, an own password change
 * or a re-authentication: each is a password guess. From a known device it counts against that
 * device only; from any other client against the account, whose lock is audited (ACCOUNT_LOCKED),
 * published (warden.account.locked, a brute-force signal) and counted in the metrics after commit.
 * Runs inside the caller's transaction, holding the account's row lock.
 */
public final class PasswordFailures {
    private final TransactionBoundary transactions;
    private final UserAccounts accounts;
    private final KnownDevices devices;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final WardenMetrics metrics;
    private final WardenPolicy policy;

    public PasswordFailures(TransactionBoundary transactions, UserAccounts accounts, KnownDevices devices, AuditTrail audit,
                     EventOutbox outbox, WardenMetrics metrics, WardenPolicy policy) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.devices = devices;
        this.audit = audit;
        this.outbox = outbox;
        this.metrics = metrics;
        this.policy = policy;
    }

    /**
     * @param account the account as read under its row lock
     * @param device  the known device the guess came from (read under the same lock), or null
     * @param what    the audit reason, e.g. "wrong password"
     */
    void record(Account account, KnownDevice device, ClientInfo client, Instant now, String what) {
        if (device != null) {
            KnownDevice after = device.recordFailedLogin(now, policy);
            devices.save(after);
            audit.append(entry(AuditType.LOGIN_FAILED, account, client, now).withReason(what + " from a known device"
                    + (device.becameLockedBy(after, now) ? "; the device is locked until " + after.lockedUntil() : "")));
            return;
        }
        Account after = account.recordFailedLogin(now, policy);
        accounts.update(after);
        audit.append(entry(AuditType.LOGIN_FAILED, account, client, now).withReason(what));
        if (account.becameLockedBy(after, now)) {
            audit.append(entry(AuditType.ACCOUNT_LOCKED, account, client, now)
                    .withReason("locked until " + after.lockedUntil()));
            // A brute-force signal for security operations (warden.account-events).
            outbox.append(AccountEvent.of(AccountEvent.Type.LOCKED, after, null, now));
            transactions.afterCommit(metrics::accountLocked);
        }
    }

    static AuditEntry entry(AuditType type, Account account, ClientInfo client, Instant now) {
        AuditEntry entry = AuditEntry.of(type, now).withUser(account.id(), account.username());
        return client == null ? entry : entry.withClient(client);
    }
}
