package dev.warden.application.fakes;

import dev.warden.application.port.out.HistoryRetention;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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
    private final ArrayDeque<Integer> dueDays = new ArrayDeque<>();
    private final List<String> prepared = new ArrayList<>();
    private final List<Instant> dropCutoffs = new ArrayList<>();

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

    /**
     * The in-memory store keeps no days: its ended sessions go by {@link #deleteEndedSessionsBefore}.
     * A test may give it days due for dropping ({@link #givenDueDays}); each prepare is remembered.
     */
    @Override
    public synchronized int prepareEndedSessionDays(Instant from, int days) {
        prepared.add(from + " +" + days);
        return 0;
    }

    @Override
    public synchronized OptionalInt dropOldestEndedSessionDay(Instant cutoff) {
        dropCutoffs.add(cutoff);
        return dueDays.isEmpty() ? OptionalInt.empty() : OptionalInt.of(dueDays.removeFirst());
    }

    /** Days due for dropping, oldest first, each with how many sessions it holds. */
    public synchronized void givenDueDays(int... sessions) {
        for (int n : sessions) {
            dueDays.addLast(n);
        }
    }

    /** Each prepare call, as "from +days". */
    public synchronized List<String> prepared() {
        return List.copyOf(prepared);
    }

    public synchronized List<Instant> dropCutoffs() {
        return List.copyOf(dropCutoffs);
    }

    @Override
    public synchronized int deleteAuditEntriesBefore(Instant cutoff, int max) {
        return record("auditEntries", max, audit.removeOccurredBefore(cutoff, max));
    }

    @Override
    public synchronized int deleteResolvedAlarmsBefore(Instant cutoff, int max) {
        return record("resolvedAlarms", max, alarms.removeResolvedBefore(cutoff, max));
    }

    /** The in-memory store keeps each session's user agent with the session: nothing to forget. */
    @Override
    public synchronized int deleteUnusedUserAgents(Instant now, int max) {
        return record("unusedUserAgents", max, 0);
    }

    private int record(String kind, int max, int deleted) {
        batches.add(new Batch(kind, max, deleted));
        return deleted;
    }
}
