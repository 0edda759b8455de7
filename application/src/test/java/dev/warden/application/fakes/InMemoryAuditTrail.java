package dev.warden.application.fakes;

import dev.warden.application.port.in.AuditQuery;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import java.util.ArrayList;
import java.util.List;

/** The audit log as a list, for use-case tests. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditEntry> entries = new ArrayList<>();

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    public List<AuditEntry> ofType(AuditType type) {
        return entries.stream().filter(e -> e.type() == type).toList();
    }

    /** Deletes at most {@code max} entries that occurred before {@code cutoff}, oldest first. */
    public int removeOccurredBefore(java.time.Instant cutoff, int max) {
        List<AuditEntry> due = entries.stream().filter(e -> e.occurredAt().isBefore(cutoff)).limit(max).toList();
        entries.removeAll(due);
        return due.size();
    }

    @Override
    public void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query) {
        List<AuditEntry> matches = entries.reversed().stream()
                .filter(e -> query.userId() == null || query.userId().equals(e.userId()))
                .filter(e -> query.type() == null || query.type() == e.type())
                .toList();
        return new Page<>(matches.stream().skip(query.page().offset()).limit(query.page().limit()).toList(),
                matches.size(), query.page().limit(), query.page().offset(), null);
    }
}
