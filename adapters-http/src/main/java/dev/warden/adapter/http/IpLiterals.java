package dev.warden.adapter.http;

import dev.warden.domain.AddressRange;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Parses IP address literals without ever asking DNS ({@link InetAddress#getByName} resolves
 * anything that is not a literal, which must not happen for text a client sent). The parser is the
 * domain's {@link AddressRange#literal}.
 */
final class IpLiterals {
    private IpLiterals() {
    }

    static Optional<InetAddress> parse(String text) {
        return AddressRange.literal(text);
    }
}
