package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.domain.AddressRange;

/** The {@code ip} of the Sessions filter and of bulk termination: the domain's rule, refused as a 400. */
final class IpParameter {
    private IpParameter() {
    }

    /** @throws InvalidRequest unless an address or a network of at least /16 (IPv4) or /48 (IPv6) */
    static AddressRange parse(String text) {
        try {
            return AddressRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Query parameter 'ip' must be an IP address or a network of at least /"
                    + AddressRange.MIN_IPV4_PREFIX + " (IPv4) or /" + AddressRange.MIN_IPV6_PREFIX
                    + " (IPv6), e.g. 203.0.113.7 or 203.0.0.0/16.");
        }
    }
}
