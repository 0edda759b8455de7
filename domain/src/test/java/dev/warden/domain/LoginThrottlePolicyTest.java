package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {
    private final LoginThrottlePolicy policy = LoginThrottlePolicy.DEFAULTS;

    @Test
    void defaultsAreThirtyPerFiveMinutes() {
        assertEquals(30, policy.failureLimit());
        assertEquals(Duration.ofMinutes(5), policy.window());
    }

    @Test
    void windowsAreFixedSlicesFromTheEpoch_soEveryInstanceAgrees() {
        Instant inside = Instant.parse("2026-11-26T09:07:31.250Z");

        assertEquals(Instant.parse("2026-11-26T09:05:00Z"), policy.windowStart(inside));
        assertEquals(Instant.parse("2026-11-26T09:05:00Z"), policy.windowStart(Instant.parse("2026-11-26T09:05:00Z")));
        assertEquals(Instant.parse("2026-11-26T09:10:00Z"), policy.windowEnd(policy.windowStart(inside)));
    }

    @Test
    void retryAfterIsTheRestOfTheWindowRoundedUpToWholeSeconds() {
        assertEquals(149, policy.retryAfterSeconds(Instant.parse("2026-11-26T09:07:31.250Z")));
        assertEquals(300, policy.retryAfterSeconds(Instant.parse("2026-11-26T09:05:00Z")));
        assertEquals(1, policy.retryAfterSeconds(Instant.parse("2026-11-26T09:09:59.999Z")));
    }

    @Test
    void theLimitIsTheNumberOfAttemptsAdmittedPerWindow() {
        assertTrue(policy.admits(0));
        assertTrue(policy.admits(29));
        assertFalse(policy.admits(30));
    }

    @Test
    void refusalsAreAuditedAtOneTenAHundredAndSoOn() {
        assertEquals(java.util.List.of(1L, 10L, 100L, 1000L),
                LongStream.rangeClosed(0, 5000).filter(LoginThrottlePolicy::auditsRefusal).boxed().toList());
    }

    @Test
    void ipv4IsItsOwnClient_ipv6CountsPerSlash64() {
        assertEquals("203.0.113.9", LoginThrottlePolicy.clientKey("203.0.113.9"));
        assertEquals("2001:db8:0:7::/64", LoginThrottlePolicy.clientKey("2001:db8:0:7:0:0:0:1"));
        assertEquals("2001:db8:0:7::/64", LoginThrottlePolicy.clientKey("2001:DB8::7:abcd:1:2:3"));
        assertEquals("2001:db8:0:0::/64", LoginThrottlePolicy.clientKey("2001:db8::1"));
        assertEquals("0:0:0:0::/64", LoginThrottlePolicy.clientKey("::1"));
        assertEquals("not-an-ip", LoginThrottlePolicy.clientKey("not-an-ip"));
        assertEquals("1::2::3", LoginThrottlePolicy.clientKey("1::2::3"));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottlePolicy(0, Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottlePolicy(30, Duration.ofMillis(999)));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottlePolicy(30, Duration.ofNanos(1_000_000_001)));
    }
}
