package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.QueryText;
import dev.warden.application.port.in.SortOrder;
import dev.warden.domain.AddressRange;
import dev.warden.domain.Session;
import dev.warden.domain.UserId;
import java.util.Objects;

/**
 * Which active sessions to list: optionally one user's, one address's or network's ({@code ip}, in
 * the recorded form: IPv6 in full, a network as {@code network/prefix}), or those whose username
 * contains {@code q} (case-insensitive), ordered by {@code sort} in {@code order} (default: the
 * latest activity first). With a cursor the page continues after it; the offset must then be 0
 * and the cursor must have been issued for the same sort and order. The page's total is exact up to {@link #TOTAL_CAP}; beyond, it is a lower
 * bound ("10,000+"): counting a million sessions for every page cost most of the page's time.
 */
public record ActiveSessionQuery(PageRequest page, SessionCursor cursor, UserId userId, String ipAddress, String q,
                                 SessionSort sort, SortOrder order) {
    /** How far the total of a Sessions page is counted exactly. */
    public static final int TOTAL_CAP = 10_000;

    public ActiveSessionQuery {
        Objects.requireNonNull(page, "page");
        sort = sort == null ? SessionSort.DEFAULT : sort;
        order = order == null ? SortOrder.DESC : order;
        if (cursor != null && page.offset() != 0) {
            throw new InvalidRequest("Use either cursor or offset, not both.");
        }
        if (cursor != null) {
            cursor.requireFor(sort, order);
        }
        ipAddress = QueryText.blankToNull(ipAddress);
        q = QueryText.blankToNull(q);
        if (q != null && q.length() > 64) {
            throw new InvalidRequest("q must be at most 64 characters.");
        }
        if (ipAddress != null && ipAddress.length() > 64) {
            throw new InvalidRequest("ip must be at most 64 characters.");
        }
        if (ipAddress != null) {
            ipAddress = IpParameter.parse(ipAddress).toString();
        }
    }

    /** In the default order: the latest activity first. */
    public ActiveSessionQuery(PageRequest page, SessionCursor cursor, UserId userId, String ipAddress, String q) {
        this(page, cursor, userId, ipAddress, q, null, null);
    }

    /** The cursor that continues after {@code last}, the last row of a full page of this query. */
    public SessionCursor cursorAfter(Session last) {
        return SessionCursor.after(last, sort, order);
    }

    /** The {@code ip} filter as a range (one address, or a network of at least /16 or /48); null without one. */
    public AddressRange ipRange() {
        return ipAddress == null ? null : IpParameter.parse(ipAddress);
    }

    public static ActiveSessionQuery all(PageRequest page) {
        return new ActiveSessionQuery(page, null, null, null, null);
    }
}
