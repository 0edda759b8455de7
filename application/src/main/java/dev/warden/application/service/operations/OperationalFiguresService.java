package dev.warden.application.service.operations;

import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.AlarmTopologyStatus;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.service.Now;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the operational figures; active means inside the idle timeout, as on the Sessions page. The
 * relay's outcomes come from its {@link MonitoredEventPublisher}, the topology's state from its port.
 */
public final class OperationalFiguresService implements OperationalFiguresQuery {
    private final OperationalCounts counts;
    private final WardenPolicy policy;
    private final Clock clock;
    private final Supplier<Relay> relay;
    private final AlarmTopologyStatus alarmTopology;

    public OperationalFiguresService(OperationalCounts counts, WardenPolicy policy, Clock clock) {
        this(counts, policy, clock, () -> Relay.NOTHING_YET, AlarmTopologyStatus.ELSEWHERE);
    }

    /**
     * @param relay         the relay's outcomes so far ({@link MonitoredEventPublisher#status})
     * @param alarmTopology the alarm topology in this process, if it runs here
     */
    public OperationalFiguresService(OperationalCounts counts, WardenPolicy policy, Clock clock, Supplier<Relay> relay,
                                     AlarmTopologyStatus alarmTopology) {
        this.counts = counts;
        this.policy = policy;
        this.clock = clock;
        this.relay = Objects.requireNonNull(relay, "relay");
        this.alarmTopology = Objects.requireNonNull(alarmTopology, "alarmTopology");
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

    @Override
    public Relay relay() {
        return relay.get();
    }

    @Override
    public Optional<AlarmTopology> alarmTopology() {
        return alarmTopology.inProcess()
                .map(state -> new AlarmTopology(state.name(), state.processing(), state.since()));
    }
}
