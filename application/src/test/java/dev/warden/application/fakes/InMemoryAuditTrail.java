package dev.warden.application.fakes;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The audit log as a list, for use-case tests; keeps the {@link AuditTrail} contract. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditEntry> entries = new ArrayList<>();

    public InMemoryAuditTrail(InMemoryTransactions transactions) {
        transactions.enlist(this, entries);
    }

    /** Every entry, in the order written. */
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<AuditEntry> ofType(AuditType type) {
        return entries.stream().filter(e -> e.type() == type).toList();
    }

    /** Deletes at most {@code max} entries that occurred before {@code cutoff}, oldest first. */
    public synchronized int removeOccurredBefore(Instant cutoff, int max) {
        List<AuditEntry> due = entries.stream().filter(e -> e.occurredAt().isBefore(cutoff))
                .sorted(Comparator.comparing(AuditEntry::occurredAt)).limit(max).toList();
        entries.removeAll(due);
        return due.size();
    }

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(entry);
    }

    /** Newest first; of entries at the same instant, the later written first. */
    @Override
    public synchronized Page<AuditEntry> list(AuditQuery query) {
        List<AuditEntry> matches = entries.reversed().stream()
                .filter(e -> query.userId() == null || query.userId().equals(e.userId()))
                .filter(e -> query.type() == null || query.type() == e.type())
                .sorted(Comparator.comparing(AuditEntry::occurredAt).reversed()) // stable: later written stays first
                .toList();
        return new Page<>(matches.stream().skip(query.page().offset()).limit(query.page().limit()).toList(),
                matches.size(), query.page().limit(), query.page().offset(), null);
    }
}
