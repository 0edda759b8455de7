package dev.warden.adapter.kafka;

import static dev.warden.domain.testdata.TestData.aSession;

import dev.warden.domain.Session;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import dev.warden.domain.testdata.TestData;
import java.time.Duration;
import java.time.Instant;

/** Session events with fixed, recognisable values for assertions. */
final class SessionEvents {
    static final Instant CREATED_AT = Instant.parse("2026-11-26T15:04:05Z");
    static final Instant EXPIRES_AT = CREATED_AT.plus(Duration.ofHours(24));

    private SessionEvents() {
    }

    static SessionEvent created(UserId user, SessionId session) {
        return SessionEvent.created(session(user, session), TestData.FIREFOX_ON_LINUX, CREATED_AT);
    }

    static SessionEvent terminated(UserId user, SessionId session, UserId actor, Instant endedAt) {
        return SessionEvent.ended(session(user, session), TerminationReason.ADMIN_TERMINATED, actor, endedAt);
    }

    static SessionEvent expired(UserId user, SessionId session, Instant endedAt) {
        return SessionEvent.ended(session(user, session), TerminationReason.IDLE_TIMEOUT, null, endedAt);
    }

    static SessionEvent anyEvent(UserId user) {
        return created(user, SessionId.random());
    }

    /** Alice's login at {@link #CREATED_AT}, expiring at {@link #EXPIRES_AT}. */
    private static Session session(UserId user, SessionId session) {
        return aSession().forUser(user, "alice").withId(session).withIp("203.0.113.7")
                .withUserAgent("Mozilla/5.0 (X11; Linux x86_64)").startedAt(CREATED_AT).build();
    }
}
