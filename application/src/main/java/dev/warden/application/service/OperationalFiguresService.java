package dev.warden.application.service;

import dev.warden.application.port.in.OperationalFiguresQuery;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;

/** Reads the operational figures, counting active sessions with the same window as the Sessions page. */
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
    public OperationalFigures current() {
        Instant now = Now.of(clock);
        OperationalCounts.Counts read = counts.read(ActiveWindow.at(now, policy));
        return new OperationalFigures(now, read.activeSessions(), read.outboxPending(), read.oldestPendingSince(),
                read.openAlarms());
    }
}
