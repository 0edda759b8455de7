package dev.warden.application.fakes;

import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.OperationalCounts;

/** The operational figures read from the in-memory stores; keeps the {@link OperationalCounts} contract. */
public final class InMemoryOperationalCounts implements OperationalCounts {
    private final InMemoryOutbox outbox;
    private final InMemoryAlarmStore alarms;
    private final InMemorySessionStore sessions;

    public InMemoryOperationalCounts(InMemoryOutbox outbox, InMemoryAlarmStore alarms, InMemorySessionStore sessions) {
        this.outbox = outbox;
        this.alarms = alarms;
        this.sessions = sessions;
    }

    @Override
    public OutboxBacklog outboxBacklog() {
        return outbox.backlog();
    }

    @Override
    public long countOpenAlarms() {
        return alarms.countOpen();
    }

    /** Like the real count, it looks at last activity only, not at the absolute expiry. */
    @Override
    public long countActiveSessions(ActiveWindow window) {
        return sessions.rows().stream()
                .filter(row -> row.endReason() == null)
                .filter(row -> row.session().lastActiveAt().isAfter(window.lastActiveAfter()))
                .count();
    }
}
