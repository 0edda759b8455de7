package dev.warden.application.port.in.audit;

import dev.warden.application.port.in.PageRequest;
import dev.warden.domain.AuditType;
import dev.warden.domain.UserId;
import java.util.Objects;

/** Audit entries of one user and/or one type, or all; newest first. */
public record AuditQuery(PageRequest page, UserId userId, AuditType type) {
    public AuditQuery {
        Objects.requireNonNull(page, "page");
    }
}
