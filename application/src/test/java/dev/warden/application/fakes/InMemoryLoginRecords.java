package dev.warden.application.fakes;

import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.LoginRecords;
import dev.warden.domain.Account;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import java.util.Optional;

/** A login's reads over the other in-memory stores, for use-case tests; keeps the {@link LoginRecords} contract. */
public final class InMemoryLoginRecords implements LoginRecords {
    private final InMemoryUserAccounts accounts;
    private final InMemoryKnownDevices devices;
    private final InMemoryLoginThrottle throttle;
    private final InMemorySessionStore sessions;

    public InMemoryLoginRecords(InMemoryUserAccounts accounts, InMemoryKnownDevices devices,
                                InMemoryLoginThrottle throttle, InMemorySessionStore sessions) {
        this.accounts = accounts;
        this.devices = devices;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    @Override
    public synchronized Sighting sight(String username, TokenHash presented, ThrottleCount count) {
        Optional<Account> account = accounts.findByUsername(username);
        Optional<KnownDevice> device = account.isPresent() && presented != null
                ? devices.find(account.get().id(), presented) : Optional.empty();
        if (device.isPresent()) {
            return new Sighting(account, device, Admission.NOT_COUNTED);
        }
        boolean counted = throttle.tryCount(count.client(), count.windowStart(), count.limit());
        return new Sighting(account, Optional.empty(), counted ? Admission.COUNTED : Admission.FULL);
    }

    @Override
    public Optional<Locked> lock(UserId id, TokenHash deviceHash, ActiveWindow window) {
        return accounts.lockById(id).map(account -> new Locked(account,
                deviceHash == null ? null : devices.find(id, deviceHash).orElse(null),
                sessions.countActiveByUser(id, window)));
    }
}
