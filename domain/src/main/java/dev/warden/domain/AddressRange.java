package dev.warden.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network such as {@code 10.1.0.0/16} or {@code 2001:db8:1::/48}; a bare address is
 * a /32 or /128. The one parser of client addresses and networks: text a client sent is never
 * looked up in DNS. {@link #parse} holds the incident-response rule (bulk termination and the
 * Sessions filter): a network at least /{@value #MIN_IPV4_PREFIX} (IPv4) or
 * /{@value #MIN_IPV6_PREFIX} (IPv6), so one request cannot end sessions across the whole internet.
 */
public final class AddressRange {
    /** The widest IPv4 range an administrator may name: 65,536 addresses. */
    public static final int MIN_IPV4_PREFIX = 16;
    /** The widest IPv6 range: one site's allocation. */
    public static final int MIN_IPV6_PREFIX = 48;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

    private final byte[] network;
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * An address or a network no wider than /16 (IPv4) or /48 (IPv6).
     *
     * @throws IllegalArgumentException naming the text when it is neither, or wider
     */
    public static AddressRange parse(String text) {
        AddressRange range = parseAnyPrefix(text);
        int minimum = range.network.length == 4 ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX;
        if (range.prefixLength < minimum) {
            throw new IllegalArgumentException("ip '" + text + "' is wider than /" + minimum
                    + "; name an address or a network of at least /" + MIN_IPV4_PREFIX + " (IPv4) or /"
                    + MIN_IPV6_PREFIX + " (IPv6)");
        }
        return range;
    }

    /**
     * An address or a network of any prefix length (e.g. trusted proxies, {@code 10.0.0.0/8}).
     *
     * @throws IllegalArgumentException naming the text when it is not an address or network
     */
    public static AddressRange parseAnyPrefix(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(addressPart)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or network: '" + text + "'"))
                .getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (!PREFIX.matcher(prefixText).matches()) {
                throw new IllegalArgumentException("not an IP address or network: '" + text + "'");
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
            }
        }
        return new AddressRange(mask(bytes, prefix), prefix);
    }

    /** An IPv4 or IPv6 literal (no host names, no DNS), or empty. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        var v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return byAddress(bytes);
        }
        if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
            try {
                // Brackets make the JDK treat the text as an IPv6 literal and fail instead of resolving.
                return Optional.of(InetAddress.getByName("[" + text + "]"));
            } catch (UnknownHostException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** An address as the service records it: IPv6 in full ({@code 2001:db8:0:0:0:0:0:1}), no scope. */
    public static String text(InetAddress address) {
        String host = address.getHostAddress();
        int scope = address instanceof Inet6Address ? host.indexOf('%') : -1;
        return scope >= 0 ? host.substring(0, scope) : host;
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    /** Whether the recorded address (text) lies in this range; false for anything not an address. */
    public boolean contains(String address) {
        return literal(address).map(this::contains).orElse(false);
    }

    /** A /32 or /128: one address, matched exactly. */
    public boolean isSingleAddress() {
        return prefixLength == network.length * 8;
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** The address in recorded form when single, else {@code network/prefix} (what PostgreSQL's cidr reads). */
    @Override
    public String toString() {
        String address = text(byAddress(network).orElseThrow());
        return isSingleAddress() ? address : address + "/" + prefixLength;
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (0xFF << (8 - bitsHere)));
        }
        return masked;
    }

    private static Optional<InetAddress> byAddress(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange that && prefixLength == that.prefixLength
                && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }
}
