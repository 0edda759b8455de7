package dev.warden.application.fakes;

import dev.warden.application.port.out.KnownDevices;
import dev.warden.domain.KnownDevice;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Known devices in a map, for use-case tests; keeps the {@link KnownDevices} contract. */
public final class InMemoryKnownDevices implements KnownDevices {
    private final Map<String, KnownDevice> devices = new LinkedHashMap<>();

    public InMemoryKnownDevices(InMemoryTransactions transactions) {
        transactions.enlist(this, devices);
    }

    private static String key(UserId userId, TokenHash tokenHash) {
        return userId.value() + "/" + tokenHash.value();
    }

    public synchronized List<KnownDevice> of(UserId userId) {
        return devices.values().stream().filter(d -> d.userId().equals(userId)).toList();
    }

    @Override
    public synchronized Optional<KnownDevice> find(UserId userId, TokenHash tokenHash) {
        return Optional.ofNullable(devices.get(key(userId, tokenHash)));
    }

    @Override
    public synchronized void save(KnownDevice device) {
        devices.put(key(device.userId(), device.tokenHash()), device);
    }

    @Override
    public synchronized int keepMostRecentlyUsed(UserId userId, int keep) {
        List<KnownDevice> evicted = of(userId).stream()
                .sorted(Comparator.comparing(KnownDevice::lastUsedAt).reversed()
                        .thenComparing(d -> d.tokenHash().value()))
                .skip(keep).toList();
        evicted.forEach(d -> devices.remove(key(d.userId(), d.tokenHash())));
        return evicted.size();
    }

    @Override
    public synchronized void forgetAll(UserId userId) {
        of(userId).forEach(d -> devices.remove(key(d.userId(), d.tokenHash())));
    }

    @Override
    public synchronized void forgetAllExcept(UserId userId, TokenHash keep) {
        of(userId).stream().filter(d -> !d.tokenHash().equals(keep))
                .forEach(d -> devices.remove(key(d.userId(), d.tokenHash())));
    }

    @Override
    public synchronized void unlockAll(UserId userId) {
        of(userId).forEach(d -> save(d.unlock()));
    }

    @Override
    public synchronized int forgetUnusedSince(Instant before) {
        List<KnownDevice> unused = devices.values().stream().filter(d -> d.lastUsedAt().isBefore(before)).toList();
        unused.forEach(d -> devices.remove(key(d.userId(), d.tokenHash())));
        return unused.size();
    }
}
