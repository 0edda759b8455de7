package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.domain.SessionId;
import dev.warden.domain.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A keyset position in the active-session list (ordered by last activity, then id, both
 * descending), so deep pages cost as little as the first. Opaque to clients: base64url text.
 * Only the exact text {@link #encode()} produces is accepted, and only for an instant the
 * database can compare against (1970 to the end of year 9999), so a crafted cursor is a 400.
 */
public record SessionCursor(Instant lastActiveAt, SessionId id) {
    /** Latest instant a cursor may name; PostgreSQL's timestamptz reaches further, a real session never will. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final int MAX_TEXT_LENGTH = 128;
    private static final Pattern DIGITS = Pattern.compile("0|[1-9][0-9]{0,17}");

    public SessionCursor {
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        String plain = lastActiveAt.getEpochSecond() + "." + lastActiveAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidRequest when the text is not a cursor this service issued */
    public static SessionCursor decode(String text) {
        SessionCursor cursor;
        try {
            cursor = parse(text);
        } catch (RuntimeException e) {
            cursor = null;
        }
        // One text per position: anything encode() would not write back is not ours.
        if (cursor == null || !cursor.encode().equals(text)) {
            throw new InvalidRequest("cursor is not valid; use the nextCursor of a previous page.");
        }
        return cursor;
    }

    private static SessionCursor parse(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        String[] parts = plain.split("\\.", 3);
        if (parts.length != 3 || !DIGITS.matcher(parts[0]).matches() || !DIGITS.matcher(parts[1]).matches()) {
            return null;
        }
        long seconds = Long.parseLong(parts[0]);
        long nanos = Long.parseLong(parts[1]);
        if (nanos > 999_999_999L || seconds > LATEST.getEpochSecond()) {
            return null;
        }
        return new SessionCursor(Instant.ofEpochSecond(seconds, nanos), new SessionId(Uuids.parse(parts[2], "cursor")));
    }
}
