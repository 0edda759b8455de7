package dev.warden.application.fakes;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageCursor;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The audit log as a list, for use-case tests; keeps the {@link AuditTrail} contract. */
public final class InMemoryAuditTrail implements AuditTrail {
    private static final Comparator<Written> NEWEST_FIRST = Comparator
            .comparing((Written w) -> w.entry().occurredAt()).thenComparingLong(Written::seq).reversed();
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

    /**
     * Newest first; of entries at the same instant, the later written first. Each entry's place in
     * the order written stands in for the database's sequence number: a cursor continues after its
     * entry's place, or, when that entry is gone, before its instant.
     */
    @Override
    public synchronized Page<AuditEntry> list(AuditQuery query) {
        List<Written> written = IntStream.range(0, entries.size())
                .mapToObj(i -> new Written(entries.get(i), i + 1)).toList();
        List<Written> matches = written.stream().filter(w -> matches(query, w.entry())).sorted(NEWEST_FIRST).toList();
        Stream<Written> rest = matches.stream();
        PageCursor cursor = query.cursor();
        if (cursor != null) {
            long cursorSeq = written.stream().filter(w -> w.entry().id().equals(cursor.id()))
                    .mapToLong(Written::seq).findFirst().orElse(0);
            rest = rest.filter(w -> w.entry().occurredAt().isBefore(cursor.at())
                    || w.entry().occurredAt().equals(cursor.at()) && w.seq() < cursorSeq);
        }
        int limit = query.page().limit();
        List<AuditEntry> page = rest.skip(query.page().offset()).limit(limit).map(Written::entry).toList();
        String next = page.size() == limit ? new PageCursor(page.getLast().occurredAt(), page.getLast().id()).encode() : null;
        if (!query.page().counted()) {
            return Page.uncounted(page, limit, query.page().offset(), next);
        }
        return Page.countedUpTo(AuditQuery.TOTAL_CAP, matches.size(), page, limit, query.page().offset(), next);
    }

    private static boolean matches(AuditQuery query, AuditEntry e) {
        return (query.userId() == null || query.userId().equals(e.userId()))
                && (query.username() == null || e.username() != null
                        && e.username().toLowerCase(Locale.ROOT).equals(query.username().toLowerCase(Locale.ROOT)))
                && (query.ipAddress() == null || query.ipAddress().equals(e.ipAddress()))
                && (query.types().isEmpty() || query.types().contains(e.type()))
                && (query.from() == null || !e.occurredAt().isBefore(query.from()))
                && (query.to() == null || e.occurredAt().isBefore(query.to()));
    }

    /** An entry and its place in the order written (1 for the first). */
    private record Written(AuditEntry entry, long seq) {
    }
}
