package dev.warden.application.port.in;

import dev.warden.domain.AuditEntry;

/** The Auth Audit page. */
public interface ListAuditEntriesUseCase {
    Page<AuditEntry> list(AuditQuery query, Actor actor);
}
