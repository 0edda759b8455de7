package dev.warden.adapter.http;

import dev.warden.application.port.in.OperationalFiguresQuery;
import dev.warden.application.port.in.OperationalFiguresQuery.OperationalFigures;
import io.helidon.health.HealthCheckResponse;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The database-held gauges, read in the background every interval and served from memory, so a
 * scrape (or many scrapers) never costs a database query and never waits for one. Until the first
 * read succeeds the gauges are NaN; when a read fails they keep the last figures, except the
 * oldest pending event's age, which is computed at scrape time and so keeps growing while the
 * outbox cannot be read. {@code warden_health_up} is probed at the same time, with the public
 * health's own check.
 */
final class OperationalGauges implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OperationalGauges.class.getName());

    static final String SESSIONS_ACTIVE = "warden_sessions_active";
    static final String OUTBOX_PENDING = "warden_outbox_pending";
    static final String OUTBOX_OLDEST_AGE = "warden_outbox_oldest_pending_age_seconds";
    static final String ALARMS_OPEN = "warden_alarms_open";
    static final String HEALTH_UP = "warden_health_up";

    private final OperationalFiguresQuery query;
    private final DatabaseHealthCheck database;
    private final Clock clock;
    private final AtomicReference<OperationalFigures> latest = new AtomicReference<>();
    /** NaN until probed, then 1 or 0: what the public /observe/health said at the last read. */
    private volatile double healthUp = Double.NaN;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("warden-metrics-gauges").daemon().factory());
    private boolean failing;

    OperationalGauges(MeterRegistry registry, OperationalFiguresQuery query, BooleanSupplier databaseUp,
                      Duration interval, Clock clock) {
        this.query = Objects.requireNonNull(query, "query");
        this.database = new DatabaseHealthCheck(databaseUp);
        this.clock = Objects.requireNonNull(clock, "clock");
        gauge(registry, SESSIONS_ACTIVE, "Active sessions (all instances: the same figure on each)",
                OperationalFigures::activeSessions);
        gauge(registry, OUTBOX_PENDING, "Outbox events not yet published to Kafka", OperationalFigures::outboxPending);
        gauge(registry, OUTBOX_OLDEST_AGE, "Seconds the oldest unpublished outbox event has waited; 0 when none",
                figures -> figures.oldestPendingAgeAt(clock.instant()).toNanos() / 1e9);
        gauge(registry, ALARMS_OPEN, "Alarms in status OPEN", OperationalFigures::openAlarms);
        registry.getOrCreate(Gauge.builder(HEALTH_UP, this, self -> self.healthUp)
                .description("1 while the public /observe/health answers UP (the database answers), 0 while DOWN"));
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<OperationalFigures> value) {
        registry.getOrCreate(Gauge.builder(name, this, self -> self.latest().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description));
    }

    /** The last figures read, if any read succeeded yet. */
    Optional<OperationalFigures> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** One read now (the scheduler's job; tests call it to skip the wait). */
    synchronized void refresh() {
        healthUp = database.call().status() == HealthCheckResponse.Status.UP ? 1 : 0;
        try {
            latest.set(query.current());
            if (failing) {
                LOG.log(Level.INFO, "Operational figures readable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                // The class only: a driver message can carry a connection URL.
                LOG.log(Level.WARNING, "Could not read the operational figures (" + e.getClass().getName()
                        + "); the gauges keep their last values until the next read succeeds");
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
