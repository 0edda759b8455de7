package dev.warden.application.fakes;

import dev.warden.application.port.in.SortOrder;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.application.port.in.sessions.SessionSort;
import dev.warden.domain.AddressRange;
import dev.warden.domain.Session;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * The Sessions page's orders as PostgreSQL applies them (warden-db-statements: the sort's key, then
 * the id, both in the chosen direction): usernames case-insensitively, addresses as inet does
 * (IPv4 before IPv6, then byte by byte), uuids as their lower-case text sorts.
 */
final class SessionOrdering {
    private SessionOrdering() {
    }

    static Comparator<Session> of(SessionSort sort, SortOrder order) {
        Comparator<Session> byKey = Comparator.comparing((Session s) -> key(sort, value(sort, s)));
        Comparator<Session> ascending = byKey.thenComparing((Session s) -> s.id().value().toString());
        return order == SortOrder.ASC ? ascending : ascending.reversed();
    }

    /** Whether {@code session} comes after the cursor's position in the cursor's order. */
    static boolean isAfter(Session session, SessionCursor cursor) {
        int byKey = key(cursor.sort(), value(cursor.sort(), session))
                .compareTo(key(cursor.sort(), cursorValue(cursor)));
        int compared = byKey != 0 ? byKey : session.id().value().toString().compareTo(cursor.id().value().toString());
        return cursor.order() == SortOrder.ASC ? compared > 0 : compared < 0;
    }

    private static Object value(SessionSort sort, Session s) {
        return switch (sort) {
            case LAST_ACTIVE_AT -> s.lastActiveAt();
            case CREATED_AT -> s.createdAt();
            case EXPIRES_AT -> s.expiresAt();
            case USERNAME -> s.username();
            case IP_ADDRESS -> s.ipAddress();
        };
    }

    private static Object cursorValue(SessionCursor cursor) {
        return cursor.sort().keyType() == SessionSort.KeyType.INSTANT ? cursor.instantKey() : cursor.key();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable key(SessionSort sort, Object value) {
        return switch (sort) {
            case USERNAME -> ((String) value).toLowerCase(Locale.ROOT);
            case IP_ADDRESS -> new AddressKey(AddressRange.literal((String) value).orElseThrow().getAddress());
            default -> (Instant) value;
        };
    }

    /** inet's order: the shorter family (IPv4) first, then unsigned bytes. */
    private record AddressKey(byte[] bytes) implements Comparable<AddressKey> {
        @Override
        public int compareTo(AddressKey other) {
            int byFamily = Integer.compare(bytes.length, other.bytes.length);
            return byFamily != 0 ? byFamily : Arrays.compareUnsigned(bytes, other.bytes);
        }
    }
}
