package dev.warden.application.fakes;

import dev.warden.application.port.out.LoginThrottle;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Throttle counts in a map, for use-case tests. */
public final class InMemoryLoginThrottle implements LoginThrottle {
    private final Map<String, long[]> windows = new HashMap<>();
    /** Runs inside every give-back: lets a test look around. */
    public Runnable whileUncounting = () -> {
    };

    private long[] window(String client, Instant windowStart) {
        return windows.computeIfAbsent(client + "@" + windowStart, k -> new long[2]);
    }

    /** Attempts counted (and not given back) for the client in that window. */
    public synchronized long counted(String client, Instant windowStart) {
        return window(client, windowStart)[0];
    }

    public synchronized int windowCount() {
        return windows.size();
    }

    @Override
    public synchronized boolean tryCount(String client, Instant windowStart, int limit) {
        long[] w = window(client, windowStart);
        if (w[0] >= limit) {
            return false;
        }
        w[0]++;
        return true;
    }

    @Override
    public synchronized void uncount(String client, Instant windowStart) {
        whileUncounting.run();
        long[] w = window(client, windowStart);
        w[0] = Math.max(0, w[0] - 1);
    }

    @Override
    public synchronized long countRefusal(String client, Instant windowStart) {
        return ++window(client, windowStart)[1];
    }

    @Override
    public synchronized int deleteWindowsBefore(Instant windowStart) {
        int before = windows.size();
        windows.keySet().removeIf(k -> Instant.parse(k.substring(k.lastIndexOf('@') + 1)).isBefore(windowStart));
        return before - windows.size();
    }
}
