package dev.warden.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list. {@code total} counts every match; {@code nextCursor} continues a keyset
 * walk where the list supports one, else null.
 */
public record Page<T>(List<T> items, long total, int limit, int offset, String nextCursor) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, limit, offset, nextCursor);
    }
}
