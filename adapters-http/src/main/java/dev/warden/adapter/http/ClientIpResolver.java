package dev.warden.adapter.http;

import dev.warden.domain.AddressRange;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the client's IP: the socket peer, unless the peer is a trusted proxy; then the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy. Entries left of that are written by
 * the client and can be forged, so they are never believed.
 */
final class ClientIpResolver {
    private final List<Cidr> trustedProxies;

    ClientIpResolver(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @param peer           the socket peer
     * @param forwardedFor   every X-Forwarded-For header value in order (may be empty)
     * @return the client address as text
     */
    String resolve(InetAddress peer, List<String> forwardedFor) {
        InetAddress current = peer;
        if (isTrusted(current)) {
            List<String> entries = entries(forwardedFor);
            for (int i = entries.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = parseEntry(entries.get(i));
                if (hop.isEmpty()) {
                    // A garbled hop: nothing left of it can be attributed; keep the nearest known address.
                    break;
                }
                current = hop.get();
                if (!isTrusted(current)) {
                    break;
                }
            }
        }
        return text(current);
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trustedProxies) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> entries(List<String> headerValues) {
        List<String> entries = new ArrayList<>();
        for (String value : headerValues) {
            for (String part : value.split(",")) {
                entries.add(part.strip());
            }
        }
        return entries;
    }

    /** Accepts "1.2.3.4", "1.2.3.4:567", "::1", "[::1]" and "[::1]:567". */
    private static Optional<InetAddress> parseEntry(String entry) {
        String candidate = entry;
        if (candidate.startsWith("[")) {
            int close = candidate.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(1, close);
        } else if (candidate.indexOf(':') == candidate.lastIndexOf(':') && candidate.indexOf(':') > 0) {
            candidate = candidate.substring(0, candidate.indexOf(':'));
        }
        return IpLiterals.parse(candidate);
    }

    static String text(InetAddress address) {
        return AddressRange.text(address);
    }
}
