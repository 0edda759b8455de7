package dev.warden.adapter.http;

import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.Relay;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.util.Objects;

/**
 * Readiness "kafka", on the management port only: what this instance's outbox relay last achieved
 * (when the broker last acknowledged a batch, the last attempt it did not and why, how many failed
 * since) and the outbox backlog. Always UP: every instance shares the brokers, so taking instances
 * out of the load balancer would turn an eventing outage into a login outage, and a restart does
 * not mend security settings or a broker; sessions keep working and the outbox keeps the events.
 * The alert rules page on the metrics instead (docs/observability.md).
 */
final class KafkaHealthCheck implements HealthCheck {
    private final OperationalFiguresQuery figures;
    private final OperationalGauges gauges;

    KafkaHealthCheck(OperationalFiguresQuery figures, OperationalGauges gauges) {
        this.figures = Objects.requireNonNull(figures, "figures");
        this.gauges = Objects.requireNonNull(gauges, "gauges");
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public HealthCheckResponse call() {
        Relay relay = figures.relay();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(true)
                .detail("relay", relay.failing() ? "failing"
                        : relay.lastPublishedAt().isPresent() ? "publishing" : "idle")
                .detail("failuresSinceLastPublish", relay.failuresSinceLastPublish());
        relay.lastPublishedAt().ifPresent(at -> response.detail("lastPublishedAt", at.toString()));
        relay.lastFailure().ifPresent(failure -> response.detail("lastError", failure.reason())
                .detail("lastErrorAt", failure.at().toString()));
        // The figure the "outbox" check and warden_outbox_pending show: read in the background, never here.
        gauges.backlog().ifPresentOrElse(backlog -> response.detail("pending", backlog.outboxPending()),
                () -> response.detail("pending", "not read yet"));
        return response.build();
    }
}
