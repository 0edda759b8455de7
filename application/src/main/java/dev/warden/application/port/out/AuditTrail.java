package dev.warden.application.port.out;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.domain.AuditEntry;

/** The auth audit log: appended to, never changed. */
public interface AuditTrail {
    void append(AuditEntry entry);

    /** Newest first. */
    Page<AuditEntry> list(AuditQuery query);
}
