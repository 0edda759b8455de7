package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpAddressesTest {
    @Test
    void ipv4SortsByValueAheadOfIpv6AndDuplicatesGo() {
        assertEquals(List.of("9.9.9.9", "10.0.0.2", "10.0.0.10", "192.168.1.1", "2001:db8::1", "::1"),
                IpAddresses.sortedDistinct(List.of("::1", "10.0.0.10", "192.168.1.1", "10.0.0.2", "2001:db8::1",
                        "9.9.9.9", "10.0.0.2")));
    }

    @Test
    void onlyDottedQuadsOfOctetsSortAsIpv4() {
        // Anything not four octets of at most 255 sorts as text, after every IPv4 address.
        assertEquals(List.of("0.0.0.0", "1.2.3.4", "255.255.255.255", "1..2.3", "1.2.3", "1.2.3.4.", "1.2.3.4.5",
                        "1.2.3.a", "1000.1.1.1", "256.1.1.1"),
                IpAddresses.sortedDistinct(List.of("1.2.3.4.5", "256.1.1.1", "1..2.3", "255.255.255.255", "1.2.3",
                        "1.2.3.a", "1000.1.1.1", "1.2.3.4.", "1.2.3.4", "0.0.0.0")));
    }

    @Test
    void nothingIsEmptyAndBlanksAreRefused() {
        assertEquals(List.of(), IpAddresses.sortedDistinct(null));
        assertThrows(IllegalArgumentException.class, () -> IpAddresses.sortedDistinct(Arrays.asList("1.2.3.4", " ")));
    }

    @Test
    void activeSessionIpsNameTheirDistinctAddresses() {
        ActiveSessionIps ips = ActiveSessionIps.of(Map.of(SessionId.random(), "10.0.0.10",
                SessionId.random(), "10.0.0.9", SessionId.random(), "10.0.0.10"), false);

        assertEquals(List.of("10.0.0.9", "10.0.0.10"), ips.ipAddresses());
        assertEquals(ips.distinctIps(), ips.ipAddresses().size());
    }
}
