package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangeTest {

    @Test
    void givenIpv4Slash16_thenAcceptedAndContainsExactlyItsAddresses() {
        AddressRange range = AddressRange.parse("10.1.7.9/16");

        assertEquals("10.1.0.0/16", range.toString());
        assertTrue(range.contains("10.1.0.0"));
        assertTrue(range.contains("10.1.255.255"));
        assertFalse(range.contains("10.2.0.1"));
        assertFalse(range.contains("not an address"));
    }

    @Test
    void givenIpv4Slash15_thenRefusedAsTooWide() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressRange.parse("10.0.0.0/15"));

        assertTrue(e.getMessage().contains("/16"), e.getMessage());
    }

    @Test
    void givenIpv6Slash48_thenAccepted_andSlash47Refused() {
        AddressRange range = AddressRange.parse("2001:db8:1::/48");

        assertTrue(range.contains("2001:db8:1:ffff::7"));
        assertFalse(range.contains("2001:db8:2::1"));
        assertFalse(range.contains("10.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("2001:db8::/47"));
    }

    @Test
    void givenBareAddress_thenOneAddressInRecordedForm() {
        AddressRange v4 = AddressRange.parse(" 203.0.113.7 ");
        AddressRange v6 = AddressRange.parse("2001:db8::1");

        assertTrue(v4.isSingleAddress());
        assertEquals("203.0.113.7", v4.toString());
        assertEquals("2001:db8:0:0:0:0:0:1", v6.toString());
        assertTrue(v6.contains("2001:db8:0:0:0:0:0:1"));
        assertFalse(AddressRange.parse("10.1.0.0/16").isSingleAddress());
    }

    @Test
    void givenWideNetwork_thenParseAnyPrefixAcceptsItForTrustedProxies() {
        assertEquals(8, AddressRange.parseAnyPrefix("10.0.0.0/8").prefixLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "example.com", "10.0.0.256", "10.0.0.1/33", "10.0.0.1/",
            "10.0.0.1/-1", "10.0.0.1/1x", "::1/129", "10.0.0.1\u0000", "10.0.0.0/16\u0000", "1.2.3", "1.2.3.4.5"})
    void givenGarbage_thenRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(text));
    }
}
