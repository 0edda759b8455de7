package dev.warden.application.port.in.audit;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.domain.AuditEntry;

/** The Auth Audit page. */
public interface ListAuditEntriesUseCase {
    Page<AuditEntry> list(AuditQuery query, Actor actor);
}
