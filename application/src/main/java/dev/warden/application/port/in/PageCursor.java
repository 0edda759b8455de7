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
        String plain = instantText(at) + "." + id;
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
        if (parts.length != 3) {
            return null;
        }
        Instant at = instant(parts[0], parts[1]);
        return at == null ? null : new PageCursor(at, Uuids.parse(parts[2], "cursor"));
    }

    /** An instant as a cursor writes it: seconds, a dot, nanoseconds. */
    public static String instantText(Instant at) {
        return at.getEpochSecond() + "." + at.getNano();
    }

    /** The instant {@link #instantText} wrote, from its two parts; null for anything else or past {@link #LATEST}. */
    public static Instant instant(String secondsText, String nanosText) {
        if (!DIGITS.matcher(secondsText).matches() || !DIGITS.matcher(nanosText).matches()) {
            return null;
        }
        long seconds = Long.parseLong(secondsText);
        long nanos = Long.parseLong(nanosText);
        if (nanos > 999_999_999L || seconds > LATEST.getEpochSecond()) {
            return null;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
