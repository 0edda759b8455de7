package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageCursor;
import dev.warden.application.port.in.SortOrder;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.Uuids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A keyset position in the active-session list: the sort and direction it was issued for, the
 * sort key of the last row a page showed and that row's id, so a deep page costs what the first
 * does. The key is the row's value as stored (the username as spelt, the address as recorded, an
 * instant): the database applies the sort's comparison to both sides. Opaque to clients:
 * base64url text; only the exact text {@link #encode()} produces is accepted, so a crafted cursor
 * is a 400, and a cursor of another sort or direction is refused rather than misread.
 */
public record SessionCursor(SessionSort sort, SortOrder order, String key, SessionId id) {
    /** Latest instant a cursor may name; PostgreSQL's timestamptz reaches further, a real session never will. */
    static final Instant LATEST = PageCursor.LATEST;
    /**
     * Room for the longest cursor issued: a username of 64 characters of three UTF-8 bytes each is
     * 256 characters of base64 inside, about 420 outside.
     */
    static final int MAX_TEXT_LENGTH = 512;
    private static final String SEPARATOR = ":";
    private static final String INVALID = "cursor is not valid; use the nextCursor of a previous page.";

    public SessionCursor {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
    }

    /** The default order's position after a row last active at {@code lastActiveAt}. */
    public SessionCursor(Instant lastActiveAt, SessionId id) {
        this(SessionSort.LAST_ACTIVE_AT, SortOrder.DESC, PageCursor.instantText(lastActiveAt), id);
    }

    /** The position just after {@code last} in a list sorted by {@code sort} in {@code order}. */
    public static SessionCursor after(Session last, SessionSort sort, SortOrder order) {
        String key = switch (sort) {
            case LAST_ACTIVE_AT -> PageCursor.instantText(last.lastActiveAt());
            case CREATED_AT -> PageCursor.instantText(last.createdAt());
            case EXPIRES_AT -> PageCursor.instantText(last.expiresAt());
            case USERNAME -> last.username();
            case IP_ADDRESS -> last.ipAddress();
        };
        return new SessionCursor(sort, order, key, last.id());
    }

    /** The key of an instant sort. */
    public Instant instantKey() {
        if (sort.keyType() != SessionSort.KeyType.INSTANT) {
            throw new IllegalStateException(sort + " has a text key");
        }
        String[] parts = key.split("\\.", 2);
        return PageCursor.instant(parts[0], parts[1]);
    }

    public String encode() {
        String keyText = sort.keyType() == SessionSort.KeyType.INSTANT
                ? key
                : Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        String plain = String.join(SEPARATOR, sort.apiName(), order.apiName(), keyText, id.value().toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
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
            throw new InvalidRequest(INVALID);
        }
        return cursor;
    }

    /** @throws InvalidRequest when this cursor was issued for another sort or direction */
    void requireFor(SessionSort expectedSort, SortOrder expectedOrder) {
        if (sort != expectedSort || order != expectedOrder) {
            throw new InvalidRequest("cursor belongs to sort=" + sort.apiName() + "&order=" + order.apiName()
                    + "; start again without a cursor after changing the sort.");
        }
    }

    private static SessionCursor parse(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        String[] parts = plain.split(SEPARATOR, -1);
        if (parts.length != 4) {
            return null;
        }
        SessionSort sort = SessionSort.fromApiName(parts[0]);
        SortOrder order = SortOrder.fromApiName(parts[1]);
        String key;
        if (sort.keyType() == SessionSort.KeyType.INSTANT) {
            String[] instant = parts[2].split("\\.", -1);
            if (instant.length != 2 || PageCursor.instant(instant[0], instant[1]) == null) {
                return null;
            }
            key = parts[2];
        } else {
            key = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
            if (key.isEmpty() || key.length() > 64 || key.chars().anyMatch(Character::isISOControl)) {
                return null;
            }
        }
        return new SessionCursor(sort, order, key, new SessionId(Uuids.parse(parts[3], "cursor")));
    }
}
