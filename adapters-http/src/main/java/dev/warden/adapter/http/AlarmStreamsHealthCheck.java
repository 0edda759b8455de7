package dev.warden.adapter.http;

import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.Objects;

/**
 * Readiness "alarm-streams", on the management port only: the state of the alarm topology in this
 * process (Kafka Streams' name for it: RUNNING, REBALANCING, ERROR, NOT_RUNNING...) and since when,
 * or "off" when it runs elsewhere (WARDEN_STREAMS=off). Always UP: the topology raises IP-spread
 * alarms in the background, and without it every session and login still works, so neither the load
 * balancer nor a restart loop should act on it (a restart cures ERROR only when its cause is gone).
 * {@code warden_alarm_streams_up} and its alert rule page a person instead.
 */
final class AlarmStreamsHealthCheck implements HealthCheck {
    private final OperationalFiguresQuery figures;

    AlarmStreamsHealthCheck(OperationalFiguresQuery figures) {
        this.figures = Objects.requireNonNull(figures, "figures");
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "alarm-streams";
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(true);
        figures.alarmTopology().ifPresentOrElse(topology -> response
                        .detail("state", topology.state())
                        .detail("since", topology.since().toString())
                        .detail("processing", topology.processing()),
                () -> response.detail("state", "off"));
        return response.build();
    }
}
