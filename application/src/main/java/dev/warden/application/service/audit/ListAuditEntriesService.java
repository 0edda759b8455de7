package dev.warden.application.service.audit;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.in.audit.ListAuditEntriesUseCase;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.domain.AuditEntry;

/** The Auth Audit page, for administrators. */
public final class ListAuditEntriesService implements ListAuditEntriesUseCase {
    private final AuditTrail audit;

    public ListAuditEntriesService(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query, Actor actor) {
        actor.requireAdministrator();
        return audit.list(query);
    }
}
