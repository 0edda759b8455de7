package dev.warden.domain;

import static dev.warden.domain.testdata.TestData.FIREFOX_ON_LINUX;
import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SessionEventTest {
    private final Session session = aSession().build();

    @Test
    void aCreatedEventCarriesTheParsedClient_andAnEndDoesNot() {
        assertEquals(FIREFOX_ON_LINUX, SessionEvent.created(session, FIREFOX_ON_LINUX, NOW).client());
        assertNull(SessionEvent.ended(session, TerminationReason.USER_LOGOUT, session.userId(), NOW).client());
    }

    @Test
    void aCreatedEventWithoutAClientIsRefused() {
        assertThrows(NullPointerException.class, () -> SessionEvent.created(session, null, NOW));
        SessionEvent created = SessionEvent.created(session, FIREFOX_ON_LINUX, NOW);
        assertThrows(IllegalArgumentException.class, () -> new SessionEvent(created.eventId(), created.type(),
                NOW, session.id(), session.userId(), session.username(), session.ipAddress(), session.userAgent(),
                null, session.createdAt(), session.expiresAt(), null, null, null));
    }
}
