package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    private static InetAddress ip(String text) {
        return IpLiterals.parse(text).orElseThrow();
    }

    @Test
    void givenIpv4Network_thenContainsExactlyItsAddresses() {
        Cidr cidr = Cidr.parse("10.1.0.0/16");

        assertTrue(cidr.contains(ip("10.1.0.0")));
        assertTrue(cidr.contains(ip("10.1.255.255")));
        assertFalse(cidr.contains(ip("10.2.0.1")));
        assertFalse(cidr.contains(ip("::ffff:0a02:0001")));
    }

    @Test
    void givenOddPrefix_thenMaskCutsInsideAByte() {
        Cidr cidr = Cidr.parse("192.168.1.128/25");

        assertTrue(cidr.contains(ip("192.168.1.200")));
        assertFalse(cidr.contains(ip("192.168.1.127")));
    }

    @Test
    void givenIpv6Network_thenContainsItsAddressesButNoIpv4() {
        Cidr cidr = Cidr.parse("fd00:ab::/32");

        assertTrue(cidr.contains(ip("fd00:ab:1::7")));
        assertFalse(cidr.contains(ip("fd00:ac::1")));
        assertFalse(cidr.contains(ip("10.0.0.1")));
    }

    @Test
    void givenBareAddress_thenSingleHost() {
        assertTrue(Cidr.parse("127.0.0.1").contains(ip("127.0.0.1")));
        assertFalse(Cidr.parse("127.0.0.1").contains(ip("127.0.0.2")));
        assertTrue(Cidr.parse("::1").contains(ip("0:0:0:0:0:0:0:1")));
    }

    @Test
    void givenZeroPrefix_thenWholeFamily() {
        assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("::1")));
    }

    @Test
    void givenCommaSeparatedList_thenEachParsedAndBlanksIgnored() {
        assertEquals(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1/128")), Cidr.parseList(" 10.0.0.0/8 , ::1/128,"));
        assertEquals(List.of(), Cidr.parseList(""));
        assertEquals(List.of(), Cidr.parseList(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "10.0.0.0/33", "::/129", "10.0.0/8", "256.1.1.1", "10.0.0.0/x",
            "10.0.0.0/-1", "example.com/24", "1.2.3.4/"})
    void givenNotANetwork_thenRejectedNamingTheText(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));

        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }
}
