package dev.warden.adapter.http;

import dev.warden.application.port.in.operations.OperationalFiguresQuery.Backlog;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.time.Clock;
import java.util.Objects;

/**
 * Readiness "outbox", on the management port only: the relay's backlog as details (pending events,
 * the oldest one's age, when the figures were read). Always UP: an instance behind on publishing
 * still serves every request, so pulling it from the load balancer would help nobody. Alert on
 * the metrics instead (docs/observability.md).
 */
final class OperationalHealthCheck implements HealthCheck {
    private final OperationalGauges gauges;
    private final Clock clock;

    OperationalHealthCheck(OperationalGauges gauges, Clock clock) {
        this.gauges = Objects.requireNonNull(gauges, "gauges");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(true);
        gauges.backlog().ifPresentOrElse(backlog -> detail(response, backlog),
                () -> response.detail("backlog", "not read yet"));
        gauges.activeSessions().ifPresent(count -> response.detail("activeSessions", count));
        return response.build();
    }

    private void detail(HealthCheckResponse.Builder response, Backlog backlog) {
        response.detail("pending", backlog.outboxPending())
                .detail("oldestPendingAgeSeconds", backlog.oldestPendingAgeAt(clock.instant()).toSeconds())
                .detail("openAlarms", backlog.openAlarms())
                .detail("readAt", backlog.at().toString());
    }
}
