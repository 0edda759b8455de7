package dev.warden.application.port.in;

import dev.warden.domain.SessionId;
import dev.warden.domain.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A keyset position in the active-session list (ordered by last activity, then id, both
 * descending), so deep pages cost as little as the first. Opaque to clients: base64url text.
 */
public record SessionCursor(Instant lastActiveAt, SessionId id) {
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
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.", 3);
            return new SessionCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    new SessionId(Uuids.parse(parts[2], "cursor")));
        } catch (RuntimeException e) {
            throw new InvalidRequest("cursor is not valid; use the nextCursor of a previous page.");
        }
    }
}
