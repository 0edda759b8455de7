package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageCursor;
import dev.warden.domain.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * A keyset position in the active-session list (ordered by last activity, then id, both
 * descending), written as a {@link PageCursor}: opaque base64url text, and only the exact text
 * {@link #encode()} produces is accepted, so a crafted cursor is a 400.
 */
public record SessionCursor(Instant lastActiveAt, SessionId id) {
    /** Latest instant a cursor may name; PostgreSQL's timestamptz reaches further, a real session never will. */
    static final Instant LATEST = PageCursor.LATEST;

    public SessionCursor {
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        return new PageCursor(lastActiveAt, id.value()).encode();
    }

    /** @throws InvalidRequest when the text is not a cursor this service issued */
    public static SessionCursor decode(String text) {
        PageCursor cursor = PageCursor.decode(text);
        return new SessionCursor(cursor.at(), new SessionId(cursor.id()));
    }
}
