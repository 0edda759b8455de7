package dev.warden.adapter.http;

import dev.warden.domain.AddressRange;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a /32 or /128.
 * The parsing is the domain's {@link AddressRange} (any prefix length here: trusted proxies may be wide).
 */
public final class Cidr {
    private final AddressRange range;
    private final String text;

    private Cidr(AddressRange range, String text) {
        this.range = range;
        this.text = text;
    }

    /** @throws IllegalArgumentException naming the text when it is not an address or network */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Cidr(AddressRange.parseAnyPrefix(text), text.strip());
    }

    /**
     * Parses a comma-separated list as in WARDEN_TRUSTED_PROXIES; blank means none.
     *
     * @throws IllegalArgumentException naming the first bad entry
     */
    public static List<Cidr> parseList(String commaSeparated) {
        List<Cidr> result = new ArrayList<>();
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return result;
        }
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                result.add(parse(part));
            }
        }
        return List.copyOf(result);
    }

    public boolean contains(InetAddress address) {
        return range.contains(address);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && range.equals(that.range);
    }

    @Override
    public int hashCode() {
        return range.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
