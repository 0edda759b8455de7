package dev.warden.application.port.in;

/** Limit and offset, checked: limit 1..500 (default 50), offset 0 or more. */
public record PageRequest(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, 0);

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequest("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        if (offset < 0) {
            throw new InvalidRequest("offset must be 0 or more.");
        }
    }
}
