package dev.warden.application.port.in;

/**
 * Limit and offset, checked: limit 1..500 (default 50), offset 0 or more. {@code counted}: whether the
 * page comes with its list's total. A walk that reads every page and shows no total (the CSV export)
 * asks for none: counting up to 10,001 rows for each 500-row page cost a third of a million-row
 * export (docs/benchmarks.md, "CSV export"). Such a page's total is only what it reaches, a lower bound.
 */
public record PageRequest(int limit, int offset, boolean counted) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, 0);

    /** A page with its total, as every list page shows. */
    public PageRequest(int limit, int offset) {
        this(limit, offset, true);
    }

    /** The first {@code limit} rows without a total; continue with a cursor. */
    public static PageRequest uncounted(int limit) {
        return new PageRequest(limit, 0, false);
    }

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequest("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if (offset < 0) {
            throw new InvalidRequest("offset must be 0 or more.");
        }
    }
}
