package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.QueryText;
import java.util.Objects;

/** Users whose name contains {@code q} (case-insensitive), or all. Ordered by username. */
public record UserQuery(PageRequest page, String q) {
    public UserQuery {
        Objects.requireNonNull(page, "page");
        q = QueryText.blankToNull(q);
        if (q != null && q.length() > 64) {
            throw new InvalidRequest("q must be at most 64 characters.");
        }
    }
}
