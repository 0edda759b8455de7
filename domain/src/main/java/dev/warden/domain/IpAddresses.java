package dev.warden.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Lists of client IPs as alarms show them: distinct and sorted, IPv4 addresses numerically by octet
 * (so 10.0.0.2 comes before 10.0.0.10) ahead of everything else, which sorts as text.
 */
public final class IpAddresses {
    /** IPv4 by value first, then the rest (IPv6) as text. */
    public static final Comparator<String> ORDER = orderBy(IpAddresses::ipv4Value);

    private IpAddresses() {
    }

    /** The distinct addresses in {@link #ORDER}; null gives an empty list. */
    public static List<String> sortedDistinct(Collection<String> ips) {
        if (ips == null || ips.isEmpty()) {
            return List.of();
        }
        // Each address is read once, not once per comparison: the alarm topology does this for
        // every event it processes.
        Map<String, Long> keys = new HashMap<>();
        for (String ip : ips) {
            if (ip == null || ip.isBlank()) {
                throw new IllegalArgumentException("ipAddresses must not contain blanks");
            }
            keys.computeIfAbsent(ip, IpAddresses::ipv4Value);
        }
        List<String> sorted = new ArrayList<>(keys.keySet());
        sorted.sort(orderBy(keys::get));
        return List.copyOf(sorted);
    }

    /** {@link #ORDER}, given each address's IPv4 value (-1 when it is not IPv4). */
    private static Comparator<String> orderBy(ToLongFunction<String> ipv4Value) {
        return Comparator.comparing((String ip) -> ipv4Value.applyAsLong(ip) < 0)
                .thenComparingLong(ipv4Value)
                .thenComparing(Comparator.naturalOrder());
    }

    /** A dotted-quad IPv4 literal's value (one to three digits per octet, each at most 255), or -1. */
    private static long ipv4Value(String ip) {
        long value = 0;
        int octets = 0;
        int i = 0;
        int length = ip.length();
        while (i <= length) {
            int start = i;
            int octet = 0;
            while (i < length && ip.charAt(i) >= '0' && ip.charAt(i) <= '9') {
                octet = octet * 10 + (ip.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255) {
                return -1;
            }
            value = value * 256 + octet;
            octets++;
            if (i == length) {
                return octets == 4 ? value : -1;
            }
            if (ip.charAt(i) != '.' || octets == 4) {
                return -1;
            }
            i++;
        }
        return -1;
    }
}
