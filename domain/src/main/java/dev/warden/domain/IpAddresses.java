package dev.warden.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Lists of client IPs as alarms show them: distinct and sorted, IPv4 addresses numerically by octet
 * (so 10.0.0.2 comes before 10.0.0.10) ahead of everything else, which sorts as text.
 */
public final class IpAddresses {
    /** IPv4 by value first, then the rest (IPv6) as text. */
    public static final Comparator<String> ORDER = Comparator
            .comparing((String ip) -> ipv4Value(ip) < 0)
            .thenComparingLong(IpAddresses::ipv4Value)
            .thenComparing(Comparator.naturalOrder());

    private IpAddresses() {
    }

    /** The distinct addresses in {@link #ORDER}; null gives an empty list. */
    public static List<String> sortedDistinct(Collection<String> ips) {
        if (ips == null) {
            return List.of();
        }
        return ips.stream().map(ip -> {
            if (ip == null || ip.isBlank()) {
                throw new IllegalArgumentException("ipAddresses must not contain blanks");
            }
            return ip;
        }).distinct().sorted(ORDER).toList();
    }

    /** A dotted-quad IPv4 literal's value, or -1 for anything else. */
    private static long ipv4Value(String ip) {
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            value = value * 256 + octet;
        }
        return value;
    }
}
