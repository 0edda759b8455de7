package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SessionLimitTest {
    @Test
    void givenNineActiveSessions_whenLoggingIn_thenTheTenthIsAllowed() {
        assertDoesNotThrow(() -> SessionLimit.ensureRoomForOneMore(9, WardenPolicy.DEFAULTS));
    }

    @Test
    void givenTenActiveSessions_whenLoggingIn_thenSessionLimitReached() {
        SessionLimitReached e = assertThrows(SessionLimitReached.class,
                () -> SessionLimit.ensureRoomForOneMore(10, WardenPolicy.DEFAULTS));
        assertEquals(10, e.limit());
    }

    @Test
    void theLimitComesFromThePolicy() {
        WardenPolicy two = WardenPolicy.DEFAULTS.withMaxSessionsPerUser(2);
        assertDoesNotThrow(() -> SessionLimit.ensureRoomForOneMore(1, two));
        assertThrows(SessionLimitReached.class, () -> SessionLimit.ensureRoomForOneMore(2, two));
    }
}
