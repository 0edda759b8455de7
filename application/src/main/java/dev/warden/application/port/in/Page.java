package dev.warden.application.port.in;

import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list. {@code total} counts every match, unless {@code totalIsLowerBound}: then
 * there are at least {@code total} matches (a list that stops counting at a cap, as the Sessions
 * page does at {@link ActiveSessionQuery#TOTAL_CAP}). {@code nextCursor} continues a keyset walk
 * where the list supports one, else null.
 */
public record Page<T>(List<T> items, long total, boolean totalIsLowerBound, int limit, int offset, String nextCursor) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** A page whose total is exact. */
    public Page(List<T> items, long total, int limit, int offset, String nextCursor) {
        this(items, total, false, limit, offset, nextCursor);
    }

    /**
     * A page of a list that counts its matches only up to {@code cap + 1} ({@code counted} is what it
     * got): past the cap the total is a lower bound, the cap or the row this page reaches if that is
     * further.
     */
    public static <T> Page<T> countedUpTo(int cap, long counted, List<T> items, int limit, int offset,
                                          String nextCursor) {
        boolean lowerBound = counted > cap;
        long total = lowerBound ? Math.max(cap, (long) offset + items.size()) : counted;
        return new Page<>(items, total, lowerBound, limit, offset, nextCursor);
    }

    /**
     * A page of a {@link PageRequest#counted() not counted} request: its total is only what the page
     * reaches, a lower bound.
     */
    public static <T> Page<T> uncounted(List<T> items, int limit, int offset, String nextCursor) {
        return new Page<>(items, (long) offset + items.size(), true, limit, offset, nextCursor);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, totalIsLowerBound, limit, offset, nextCursor);
    }
}
