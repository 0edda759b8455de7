package dev.warden.adapter.http;

import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import io.helidon.health.HealthCheck;
import io.helidon.health.checks.HealthChecks;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The management port: a second, named socket of the same Helidon server, with Helidon's observe
 * endpoints on it and on it only. {@code /observe/health} (and {@code /ready}, {@code /live})
 * with details: the "database", "outbox", "kafka" and "alarm-streams" readiness checks, and
 * Helidon's deadlock, heap and disk-space liveness checks; {@code /observe/metrics} in Prometheus
 * text format (OpenMetrics when asked for): {@link HelidonWardenMetrics}, the
 * {@link OperationalGauges} and the JVM's meters.
 * Meant for operators and Prometheus, not for the public: bind it to a private address.
 *
 * <pre>{@code
 * ManagementPort management = ManagementPort.start(metrics, figures, Duration.ofSeconds(15), Duration.ofMinutes(1),
 *         database::isHealthy, Clock.systemUTC());
 * WebServerConfig.Builder server = WebServer.builder()...;
 * management.configure(server, "127.0.0.1", 9090);
 * int bound = server.build().start().port(ManagementPort.SOCKET);
 * }</pre>
 */
public final class ManagementPort implements AutoCloseable {
    /** The socket's name on the server (for {@code WebServer#port(String)}). */
    public static final String SOCKET = "management";
    /** TCP connections the management port holds at once. */
    public static final int MAX_CONNECTIONS = 64;

    private final HelidonWardenMetrics metrics;
    private final OperationalGauges gauges;
    private final List<HealthCheck> checks;

    private ManagementPort(HelidonWardenMetrics metrics, OperationalGauges gauges, List<HealthCheck> checks) {
        this.metrics = metrics;
        this.gauges = gauges;
        this.checks = checks;
    }

    /**
     * Registers the database gauges in {@code metrics}' registry and starts reading them.
     *
     * @param figures              the operational figures; {@code warden_alarm_streams_up} is registered only
     *                             if they show an alarm topology in this process now (start it first)
     * @param refreshInterval      how often the outbox and alarm gauges and the health gauge are read
     *                             (WARDEN_METRICS_REFRESH_INTERVAL)
     * @param sessionCountInterval how often active sessions are counted (WARDEN_METRICS_SESSION_COUNT_INTERVAL)
     * @param databaseUp           the "database" readiness probe
     * @param clock                the service's clock: the oldest pending event's age is measured by it
     */
    public static ManagementPort start(HelidonWardenMetrics metrics, OperationalFiguresQuery figures,
                                       Duration refreshInterval, Duration sessionCountInterval,
                                       BooleanSupplier databaseUp, Clock clock) {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        OperationalGauges gauges = new OperationalGauges(metrics.registry(), figures, databaseUp, refreshInterval,
                sessionCountInterval, clock);
        List<HealthCheck> checks = new java.util.ArrayList<>();
        checks.add(new DatabaseHealthCheck(databaseUp));
        checks.add(new OperationalHealthCheck(gauges, clock));
        checks.add(new KafkaHealthCheck(figures, gauges));
        checks.add(new AlarmStreamsHealthCheck(figures));
        checks.addAll(List.of(HealthChecks.healthChecks()));
        return new ManagementPort(metrics, gauges, List.copyOf(checks));
    }

    /** Adds the management socket at {@code host:port} (0: any free port) and its observe endpoints. */
    public void configure(WebServerConfig.Builder server, String host, int port) {
        // Capped like the public port (WARDEN_HTTP_MAX_CONNECTIONS): a flood must not use up the open
        // files; a scraper and a few probes need far fewer.
        server.putSocket(SOCKET, socket -> socket.host(host).port(port).maxTcpConnections(MAX_CONNECTIONS));
        server.addFeature(ObserveFeature.builder()
                .sockets(List.of(SOCKET))
                .observersDiscoverServices(false)
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .useSystemServices(false)
                        .healthChecks(checks)
                        .build())
                .addObserver(MetricsObserver.builder()
                        .meterRegistry(metrics.registry())
                        .build())
                .build());
    }

    /** Reads the database gauges now, rather than at the next interval. */
    public void refreshGauges() {
        gauges.refresh();
    }

    @Override
    public void close() {
        gauges.close();
    }
}
