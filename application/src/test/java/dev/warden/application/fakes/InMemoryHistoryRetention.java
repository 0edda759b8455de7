package dev.warden.application.fakes;

import dev.warden.application.port.out.HistoryRetention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Retention over the in-memory stores; remembers every batch it was asked for. */
public final class InMemoryHistoryRetention implements HistoryRetention {
    /** One call: which kind, the most it could delete, and how many it did. */
    public record Batch(String kind, int max, int deleted) {
    }

    private final InMemoryOutbox outbox;
    private final InMemorySessionStore sessions;
    private final InMemoryAuditTrail audit;
    private final InMemoryAlarmStore alarms;
    private final List<Batch> batches = new ArrayList<>();

    public InMemoryHistoryRetention(InMemoryOutbox outbox, InMemorySessionStore sessions, InMemoryAuditTrail audit,
                                    InMemoryAlarmStore alarms) {
        this.outbox = outbox;
        this.sessions = sessions;
        this.audit = audit;
        this.alarms = alarms;
    }

    public synchronized List<Batch> batches() {
        return List.copyOf(batches);
    }

    @Override
    public synchronized int deletePublishedEventsBefore(Instant cutoff, int max) {
        return record("publishedEvents", max, outbox.removePublishedBefore(cutoff, max));
    }

    @Override
    public synchronized int deleteEndedSessionsBefore(Instant cutoff, int max) {
        return record("endedSessions", max, sessions.removeEndedBefore(cutoff, max));
    }

    @Override
    public synchronized int deleteAuditEntriesBefore(Instant cutoff, int max) {
        return record("auditEntries", max, audit.removeOccurredBefore(cutoff, max));
    }

    @Override
    public synchronized int deleteResolvedAlarmsBefore(Instant cutoff, int max) {
        return record("resolvedAlarms", max, alarms.removeResolvedBefore(cutoff, max));
    }

    private int record(String kind, int max, int deleted) {
        batches.add(new Batch(kind, max, deleted));
        return deleted;
    }
}
