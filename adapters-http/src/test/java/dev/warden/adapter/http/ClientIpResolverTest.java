package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIpResolverTest {
    private final ClientIpResolver resolver = new ClientIpResolver(
            List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")));

    private static InetAddress ip(String text) {
        return IpLiterals.parse(text).orElseThrow();
    }

    @Test
    void givenUntrustedPeer_thenPeerEvenWithForwardedFor() {
        assertEquals("203.0.113.5", resolver.resolve(ip("203.0.113.5"), List.of("198.51.100.1")));
    }

    @Test
    void givenTrustedPeerWithoutForwardedFor_thenPeer() {
        assertEquals("10.0.0.2", resolver.resolve(ip("10.0.0.2"), List.of()));
    }

    @Test
    void givenTrustedPeer_thenRightMostUntrustedEntryNotTheForgeableLeftOnes() {
        // The client wrote "1.1.1.1"; the proxy appended the address it really saw.
        assertEquals("198.51.100.9", resolver.resolve(ip("10.0.0.2"), List.of("1.1.1.1, 198.51.100.9")));
    }

    @Test
    void givenChainOfTrustedProxies_thenSkipsThemAll() {
        assertEquals("198.51.100.9",
                resolver.resolve(ip("10.0.0.2"), List.of("1.1.1.1, 198.51.100.9, 10.0.0.7", "10.9.9.9")));
    }

    @Test
    void givenOnlyTrustedEntries_thenLeftMostOfThem() {
        assertEquals("10.0.0.7", resolver.resolve(ip("10.0.0.2"), List.of("10.0.0.7, 10.0.0.8")));
    }

    @Test
    void givenIpv6Entries_thenParsedWithOrWithoutBracketsAndPorts() {
        assertEquals("2001:db8:0:0:0:0:0:1", resolver.resolve(ip("fd00::1"), List.of("[2001:db8::1]:4711")));
        assertEquals("2001:db8:0:0:0:0:0:2", resolver.resolve(ip("fd00::1"), List.of("2001:db8::2")));
        assertEquals("198.51.100.3", resolver.resolve(ip("fd00::1"), List.of("198.51.100.3:8080")));
    }

    @Test
    void givenGarbledEntry_thenNearestKnownAddressAndNoDnsLookup() {
        assertEquals("10.0.0.2", resolver.resolve(ip("10.0.0.2"), List.of("example.com")));
        assertEquals("10.0.0.7", resolver.resolve(ip("10.0.0.2"), List.of("198.51.100.1, unknown, 10.0.0.7")));
        assertEquals("10.0.0.2", resolver.resolve(ip("10.0.0.2"), List.of("")));
    }
}
