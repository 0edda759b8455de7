package dev.warden.application.port.in;

import dev.warden.domain.AuditType;
import dev.warden.domain.UserId;
import java.util.Objects;

/** Audit entries of one user and/or one type, or all; newest first. */
public record AuditQuery(PageRequest page, UserId userId, AuditType type) {
    public AuditQuery {
        Objects.requireNonNull(page, "page");
    }
}
