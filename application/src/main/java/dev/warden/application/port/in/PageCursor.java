package dev.warden.application.port.in;

import dev.warden.domain.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A keyset position in a list ordered by an instant, then an id, both descending: the instant and
 * the id of the last row a page showed, so deep pages cost as little as the first. Opaque to
 * clients: base64url text. Only the exact text {@link #encode()} produces is accepted, and only for
 * an instant the database can compare against (1970 to the end of year 9999), so a crafted cursor
 * is a 400. The Sessions page ({@code SessionCursor}) and the Auth Audit page use it.
 */
public record PageCursor(Instant at, UUID id) {
    /** Latest instant a cursor may name; PostgreSQL's timestamptz reaches further, a real row never will. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final int MAX_TEXT_LENGTH = 128;
    private static final Pattern DIGITS = Pattern.compile("0|[1-9][0-9]{0,17}");

    public PageCursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        String plain = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidRequest when the text is not a cursor this service issued */
    public static PageCursor decode(String text) {
        PageCursor cursor;
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

    private static PageCursor parse(String text) {
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
        return new PageCursor(Instant.ofEpochSecond(seconds, nanos), Uuids.parse(parts[2], "cursor"));
    }
}
