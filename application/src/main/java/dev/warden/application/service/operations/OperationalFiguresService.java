package dev.warden.application.service.operations;

import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.service.Now;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;

/** Reads the operational figures; active means inside the idle timeout, as on the Sessions page. */
public final class OperationalFiguresService implements OperationalFiguresQuery {
    private final OperationalCounts counts;
    private final WardenPolicy policy;
    private final Clock clock;

    public OperationalFiguresService(OperationalCounts counts, WardenPolicy policy, Clock clock) {
        this.counts = counts;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Backlog backlog() {
        Instant now = Now.of(clock);
        OperationalCounts.OutboxBacklog outbox = counts.outboxBacklog();
        return new Backlog(now, outbox.pending(), outbox.oldestPendingSince(), counts.countOpenAlarms());
    }

    @Override
    public long activeSessions() {
        return counts.countActiveSessions(ActiveWindow.at(Now.of(clock), policy));
    }
}
