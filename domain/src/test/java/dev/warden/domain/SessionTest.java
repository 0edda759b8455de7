package dev.warden.domain;

import static dev.warden.domain.testdata.TestData.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final WardenPolicy POLICY = WardenPolicy.DEFAULTS;
    private static final Instant LOGIN_TIME = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void givenNoActivity_whenIdleFor59m59s_thenStillActive() {
        Session session = aSession().startedAt(LOGIN_TIME).build();

        Instant at = LOGIN_TIME.plus(Duration.ofMinutes(59).plusSeconds(59));

        assertTrue(session.isActiveAt(at, POLICY));
        assertEquals(Optional.empty(), session.expiryReasonAt(at, POLICY));
    }

    @Test
    void givenNoActivity_whenIdleForExactly60m_thenExpiredForIdleTimeout() {
        Session session = aSession().startedAt(LOGIN_TIME).build();

        Instant at = LOGIN_TIME.plus(Duration.ofMinutes(60));

        assertFalse(session.isActiveAt(at, POLICY));
        assertEquals(Optional.of(TerminationReason.IDLE_TIMEOUT), session.expiryReasonAt(at, POLICY));
    }

    @Test
    void givenActivity_whenIdleMeasured_thenFromLastRequestNotLogin() {
        Session session = aSession().startedAt(LOGIN_TIME).build().withLastActiveAt(LOGIN_TIME.plus(Duration.ofMinutes(30)));

        assertTrue(session.isActiveAt(LOGIN_TIME.plus(Duration.ofMinutes(89)), POLICY));
        assertFalse(session.isActiveAt(LOGIN_TIME.plus(Duration.ofMinutes(90)), POLICY));
    }

    @Test
    void givenConstantActivity_whenReaching24Hours_thenExpiredForAbsoluteLifetime() {
        Session session = aSession().startedAt(LOGIN_TIME).build();
        Instant almost = LOGIN_TIME.plus(Duration.ofHours(24)).minusSeconds(1);
        // A request every minute for a whole day.
        for (Instant t = LOGIN_TIME; t.isBefore(almost); t = t.plus(Duration.ofMinutes(1))) {
            assertTrue(session.isActiveAt(t, POLICY), "active at " + t);
            session = session.withLastActiveAt(t);
        }
        session = session.withLastActiveAt(almost);

        assertTrue(session.isActiveAt(almost, POLICY));
        Instant dayLater = LOGIN_TIME.plus(Duration.ofHours(24));
        assertFalse(session.isActiveAt(dayLater, POLICY));
        assertEquals(Optional.of(TerminationReason.ABSOLUTE_LIFETIME), session.expiryReasonAt(dayLater, POLICY));
        assertEquals(dayLater, session.expiresAt());
    }

    @Test
    void effectiveExpiryIsTheEarlierOfIdleAndAbsolute() {
        Session fresh = aSession().startedAt(LOGIN_TIME).build();
        assertEquals(LOGIN_TIME.plus(Duration.ofMinutes(60)), fresh.effectiveExpiry(POLICY));

        Session late = fresh.withLastActiveAt(LOGIN_TIME.plus(Duration.ofHours(23).plusMinutes(30)));
        assertEquals(LOGIN_TIME.plus(Duration.ofHours(24)), late.effectiveExpiry(POLICY));
    }

    @Test
    void activityWritesAreCoalescedToOnePerSixtiethOfTheIdleTimeout() {
        Session session = aSession().startedAt(LOGIN_TIME).build();

        assertFalse(session.needsActivityWrite(LOGIN_TIME.plusSeconds(59), POLICY));
        assertTrue(session.needsActivityWrite(LOGIN_TIME.plusSeconds(60), POLICY));
    }

    @Test
    void sessionCannotBeBuiltWithExpiryBeforeLogin() {
        Session valid = aSession().startedAt(LOGIN_TIME).build();
        assertThrows(IllegalArgumentException.class, () -> new Session(valid.id(), valid.userId(), valid.username(),
                valid.tokenHash(), valid.ipAddress(), valid.userAgent(), LOGIN_TIME, LOGIN_TIME, LOGIN_TIME));
    }
}
