package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WardenPolicyTest {
    @Test
    void defaultsAreTheProductRules() {
        WardenPolicy p = WardenPolicy.DEFAULTS;
        assertEquals(Duration.ofMinutes(60), p.idleTimeout());
        assertEquals(Duration.ofHours(24), p.absoluteLifetime());
        assertEquals(10, p.maxSessionsPerUser());
        assertEquals(Duration.ofSeconds(30), p.expirySweepInterval());
        assertEquals(10, p.lockoutThreshold());
        assertEquals(Duration.ofMinutes(15), p.lockoutDuration());
        assertEquals(4, p.ipSpreadThreshold());
    }

    @Test
    void invalidValuesAreRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WardenPolicy.DEFAULTS.withIdleTimeout(Duration.ofSeconds(-1)));
        assertTrue(e.getMessage().startsWith("idleTimeout"));
        e = assertThrows(IllegalArgumentException.class, () -> WardenPolicy.DEFAULTS.withMaxSessionsPerUser(0));
        assertTrue(e.getMessage().startsWith("maxSessionsPerUser"));
    }
}
