package dev.warden.adapter.kafka;

import dev.warden.domain.SessionEvent;
import dev.warden.domain.SessionId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Session events with fixed, recognisable values for assertions. */
final class SessionEvents {
    static final Instant CREATED_AT = Instant.parse("2026-11-26T15:04:05Z");
    static final Instant EXPIRES_AT = CREATED_AT.plus(Duration.ofHours(24));

    private SessionEvents() {
    }

    static SessionEvent created(UserId user, SessionId session) {
        return new SessionEvent(UUID.randomUUID(), SessionEvent.Type.CREATED, CREATED_AT, session, user,
                "alice", "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)", CREATED_AT, EXPIRES_AT,
                null, null, null);
    }

    static SessionEvent terminated(UserId user, SessionId session, UserId actor, Instant endedAt) {
        return new SessionEvent(UUID.randomUUID(), SessionEvent.Type.TERMINATED, endedAt, session, user,
                "alice", "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)", CREATED_AT, EXPIRES_AT,
                TerminationReason.ADMIN_TERMINATED, actor, endedAt);
    }

    static SessionEvent expired(UserId user, SessionId session, Instant endedAt) {
        return new SessionEvent(UUID.randomUUID(), SessionEvent.Type.EXPIRED, endedAt, session, user,
                "alice", "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)", CREATED_AT, EXPIRES_AT,
                TerminationReason.IDLE_TIMEOUT, null, endedAt);
    }

    static SessionEvent anyEvent(UserId user) {
        return created(user, SessionId.random());
    }
}
