package dev.warden.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The per-client throttle on failed logins: once one client has {@code failureLimit} logins that
 * did not succeed in the current window, its further logins are refused (429) until the window
 * ends, before any password is hashed.
 *
 * <p>Windows are fixed: consecutive slices of {@code window} counted from the epoch, so every
 * instance of the service agrees on them and keeps one counter per client per window. The price
 * of fixed windows: around a window's end a client can fail up to twice the limit in a short
 * time. Attempts are counted when they start, and given back when the password turns out right,
 * so parallel attempts cannot all slip past the limit.
 *
 * <p>A client is its IP address; an IPv6 client is its /64 network, since one host is commonly
 * given a whole /64 and could otherwise take a fresh address per attempt.
 */
public record LoginThrottlePolicy(int failureLimit, Duration window) {

    public static final LoginThrottlePolicy DEFAULTS = new LoginThrottlePolicy(30, Duration.ofMinutes(5));

    public LoginThrottlePolicy {
        if (failureLimit < 1) {
            throw new IllegalArgumentException("failureLimit must be at least 1, was " + failureLimit);
        }
        Objects.requireNonNull(window, "window");
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException("window must be at least one second, in whole milliseconds, was " + window);
        }
    }

    /** The start of the window {@code now} falls in. */
    public Instant windowStart(Instant now) {
        long length = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
    }

    /** When the window that started at {@code windowStart} ends (exclusive). */
    public Instant windowEnd(Instant windowStart) {
        return windowStart.plus(window);
    }

    /** Whole seconds until the current window ends, rounded up and at least one: the Retry-After. */
    public long retryAfterSeconds(Instant now) {
        Duration left = Duration.between(now, windowEnd(windowStart(now)));
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Whether one more attempt may start when {@code counted} already did in this window. */
    public boolean admits(long counted) {
        return counted < failureLimit;
    }

    /**
     * Whether the {@code refused}-th refused attempt of a window is written to the audit log: the
     * 1st, 10th, 100th, 1000th and so on, each with the count, so a flood costs a handful of audit
     * entries per client and window instead of one per request.
     */
    public static boolean auditsRefusal(long refused) {
        if (refused < 1) {
            return false;
        }
        long n = refused;
        while (n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }

    /**
     * The client a login is counted against: the IPv4 address as given, or the /64 network of an
     * IPv6 address (e.g. {@code 2001:db8:0:7::/64}). Anything else is used as it is.
     */
    public static String clientKey(String ipAddress) {
        Objects.requireNonNull(ipAddress, "ipAddress");
        if (ipAddress.indexOf(':') < 0 || ipAddress.indexOf('.') >= 0 || ipAddress.indexOf('%') >= 0) {
            return ipAddress;
        }
        String[] groups = expand(ipAddress.toLowerCase(Locale.ROOT));
        if (groups == null) {
            return ipAddress;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            key.append(Integer.toHexString(Integer.parseInt(groups[i], 16))).append(':');
        }
        return key.append(":/64").toString();
    }

    /** The eight hextets of an IPv6 literal, "::" filled in; null when it is not one. */
    private static String[] expand(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] head = gap < 0 ? text.split(":", -1) : split(text.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(text.substring(gap + 2));
        int missing = 8 - head.length - tail.length;
        if (gap < 0 ? missing != 0 : missing < 1) {
            return null;
        }
        String[] groups = new String[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = i < head.length ? head[i] : i >= 8 - tail.length ? tail[i - (8 - tail.length)] : "0";
        }
        for (String group : groups) {
            if (!group.matches("[0-9a-f]{1,4}")) {
                return null;
            }
        }
        return groups;
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }
}
