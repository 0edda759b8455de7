package dev.warden.application.port.in.audit;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageCursor;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.QueryText;
import dev.warden.domain.AuditType;
import dev.warden.domain.UserId;
import dev.warden.domain.Username;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which audit entries to list, newest first (of one instant, the later written first). Every filter
 * given must match:
 * <ul>
 * <li>{@code userId}: the account concerned;</li>
 * <li>{@code username}: the name the entry records, whole and case-insensitive, after the same
 * normalisation a login gives a typed name ({@link Username#lookupForm}), so it also finds the
 * attempts on names that are no account. Not a "contains" match: a fragment would need an index
 * that cannot give the newest first, and responders look for a name they already have;</li>
 * <li>{@code ipAddress}: the client address as recorded (the HTTP adapter passes a parsed,
 * canonical address);</li>
 * <li>{@code types}: any of them; empty means every type (kept in declaration order);</li>
 * <li>{@code from} (inclusive) and {@code to} (exclusive): when it occurred.</li>
 * </ul>
 * With a cursor the page continues after the entry it names, and the offset must be 0. The total is
 * exact up to {@link #TOTAL_CAP} and a lower bound past it, as on the Sessions page.
 */
public record AuditQuery(PageRequest page, PageCursor cursor, UserId userId, String username, String ipAddress,
                         Set<AuditType> types, Instant from, Instant to) {
    /** How far the total of an audit page is counted exactly. */
    public static final int TOTAL_CAP = 10_000;
    /** The instants from and to may name: four-digit years, all of which PostgreSQL compares. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = PageCursor.LATEST;
    private static final int MAX_IP_LENGTH = 64;

    public AuditQuery {
        Objects.requireNonNull(page, "page");
        if (cursor != null && page.offset() != 0) {
            throw new InvalidRequest("Use either cursor or offset, not both.");
        }
        username = QueryText.blankToNull(username);
        username = username == null ? null : Username.lookupForm(username);
        ipAddress = QueryText.blankToNull(ipAddress);
        if (ipAddress != null && ipAddress.length() > MAX_IP_LENGTH) {
            throw new InvalidRequest("ip must be at most " + MAX_IP_LENGTH + " characters.");
        }
        types = types == null || types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
        requireComparable("from", from);
        requireComparable("to", to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequest("from must not be after to.");
        }
    }

    /** Every entry, newest first. */
    public static AuditQuery all(PageRequest page) {
        return new AuditQuery(page, null, null, null, null, Set.of(), null, null);
    }

    public AuditQuery after(PageCursor cursor) {
        return new AuditQuery(page, cursor, userId, username, ipAddress, types, from, to);
    }

    public AuditQuery withUser(UserId userId) {
        return new AuditQuery(page, cursor, userId, username, ipAddress, types, from, to);
    }

    public AuditQuery withUsername(String username) {
        return new AuditQuery(page, cursor, userId, username, ipAddress, types, from, to);
    }

    public AuditQuery withIp(String ipAddress) {
        return new AuditQuery(page, cursor, userId, username, ipAddress, types, from, to);
    }

    public AuditQuery withTypes(AuditType... types) {
        return new AuditQuery(page, cursor, userId, username, ipAddress, Set.copyOf(Arrays.asList(types)), from, to);
    }

    /** From {@code from} (inclusive) to {@code to} (exclusive); either may be null (open). */
    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(page, cursor, userId, username, ipAddress, types, from, to);
    }

    private static void requireComparable(String name, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new InvalidRequest(name + " must lie between the years 0001 and 9999.");
        }
    }
}
