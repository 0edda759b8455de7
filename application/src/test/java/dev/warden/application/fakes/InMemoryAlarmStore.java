package dev.warden.application.fakes;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.domain.Alarm;
import dev.warden.domain.AlarmEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Alarms in a map, for use-case tests; keeps the {@link AlarmStore} contract. */
public final class InMemoryAlarmStore implements AlarmStore {
    /** Newest raise first; PostgreSQL orders uuids as their lower-case text sorts. */
    private static final Comparator<Alarm> NEWEST_FIRST = Comparator.comparing(Alarm::raisedAt)
            .thenComparing(a -> a.id().toString()).reversed();

    private final Map<UUID, Alarm> alarms = new LinkedHashMap<>();

    public InMemoryAlarmStore(InMemoryTransactions transactions) {
        transactions.enlist(this, alarms);
    }

    /** Deletes at most {@code max} alarms resolved before {@code cutoff}. */
    public synchronized int removeResolvedBefore(Instant cutoff, int max) {
        List<UUID> due = alarms.values().stream()
                .filter(a -> a.status() == Alarm.Status.RESOLVED && a.resolvedAt().isBefore(cutoff))
                .map(Alarm::id).limit(max).toList();
        due.forEach(alarms::remove);
        return due.size();
    }

    /** Alarms in status OPEN, as the operational figures count them. */
    public synchronized long countOpen() {
        return alarms.values().stream().filter(a -> a.status() == Alarm.Status.OPEN).count();
    }

    @Override
    public synchronized boolean apply(AlarmEvent event) {
        Alarm existing = alarms.get(event.alarmId());
        switch (event.kind()) {
            case RAISED -> {
                if (existing == null) {
                    alarms.put(event.alarmId(), new Alarm(event.alarmId(), event.userId(), event.username(),
                            event.distinctIps(), event.ipAddresses(), Alarm.Status.OPEN, event.at(), null, null,
                            null));
                    return true;
                }
                return false;
            }
            case RESOLVED -> {
                // A repeated resolve changes nothing: the first one stands.
                if (existing == null || existing.status() == Alarm.Status.OPEN) {
                    Instant raisedAt = existing == null ? event.at() : existing.raisedAt();
                    alarms.put(event.alarmId(), new Alarm(event.alarmId(), event.userId(), event.username(),
                            event.distinctIps(), event.ipAddresses(), Alarm.Status.RESOLVED, raisedAt, event.at(),
                            existing == null ? null : existing.acknowledgedAt(),
                            existing == null ? null : existing.acknowledgedBy()));
                    return true;
                }
                return false;
            }
        }
        throw new IllegalStateException("unknown kind " + event.kind());
    }

    @Override
    public synchronized Page<Alarm> list(AlarmQuery query) {
        List<Alarm> matches = alarms.values().stream()
                .filter(a -> query.status() == null || a.status() == query.status())
                .sorted(NEWEST_FIRST).toList();
        return new Page<>(matches.stream().skip(query.page().offset()).limit(query.page().limit()).toList(),
                matches.size(), query.page().limit(), query.page().offset(), null);
    }

    @Override
    public synchronized Optional<Alarm> acknowledge(UUID alarmId, Instant at, String acknowledgedBy) {
        Alarm a = alarms.get(alarmId);
        if (a == null) {
            return Optional.empty();
        }
        if (a.acknowledgedAt() == null) {
            a = new Alarm(a.id(), a.userId(), a.username(), a.distinctIps(), a.ipAddresses(), a.status(), a.raisedAt(),
                    a.resolvedAt(), at, acknowledgedBy);
            alarms.put(alarmId, a);
        }
        return Optional.of(a);
    }
}
