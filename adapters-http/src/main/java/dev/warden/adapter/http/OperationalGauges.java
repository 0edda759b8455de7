package dev.warden.adapter.http;

import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.in.operations.OperationalFiguresQuery.Backlog;
import io.helidon.health.HealthCheckResponse;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The database-held gauges, read in the background and served from memory, so a scrape (or many
 * scrapers) never costs a database query and never waits for one. The backlog (outbox, alarms) and
 * {@code warden_health_up} are read every refresh interval; the active-session count, whose cost
 * grows with the number of sessions, every session-count interval, or less often when counting is
 * slow ({@link #nextSessionCountAfter}). One gauge is no database figure:
 * {@code warden_alarm_streams_up}, read from memory at scrape time. Until the first read succeeds a
 * gauge is NaN; when a read fails it keeps the last figure, except the oldest pending event's age,
 * which is computed at scrape time and so keeps growing while the outbox cannot be read.
 */
final class OperationalGauges implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OperationalGauges.class.getName());

    static final String SESSIONS_ACTIVE = "warden_sessions_active";
    static final String OUTBOX_PENDING = "warden_outbox_pending";
    static final String OUTBOX_OLDEST_AGE = "warden_outbox_oldest_pending_age_seconds";
    static final String ALARMS_OPEN = "warden_alarms_open";
    static final String HEALTH_UP = "warden_health_up";
    static final String ALARM_STREAMS_UP = "warden_alarm_streams_up";
    /** Counting active sessions takes at most one part in this many of one core (see nextSessionCountAfter). */
    static final int SESSION_COUNT_DUTY_DIVISOR = 20;

    private final OperationalFiguresQuery query;
    private final DatabaseHealthCheck database;
    private final Clock clock;
    private final AtomicReference<Backlog> backlog = new AtomicReference<>();
    private volatile OptionalLong activeSessions = OptionalLong.empty();
    /** NaN until probed, then 1 or 0: what the public /observe/health said at the last read. */
    private volatile double healthUp = Double.NaN;
    /** Two threads: a slow session count (seconds at ten million sessions) must not delay the backlog. */
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("warden-metrics-gauges-", 1).daemon().factory());
    private final Duration sessionCountInterval;
    /** Only for logging once per outage: a race between the two reads costs at most a repeated line. */
    private volatile boolean failing;

    OperationalGauges(MeterRegistry registry, OperationalFiguresQuery query, BooleanSupplier databaseUp,
                      Duration refreshInterval, Duration sessionCountInterval, Clock clock) {
        this.query = Objects.requireNonNull(query, "query");
        this.database = new DatabaseHealthCheck(databaseUp);
        this.clock = Objects.requireNonNull(clock, "clock");
        register(registry, SESSIONS_ACTIVE, "Active sessions (a database figure: the same on every instance)",
                self -> self.activeSessions.isPresent() ? self.activeSessions.getAsLong() : Double.NaN);
        register(registry, OUTBOX_PENDING, "Outbox events not yet published to Kafka",
                self -> self.backlog().map(b -> (double) b.outboxPending()).orElse(Double.NaN));
        register(registry, OUTBOX_OLDEST_AGE, "Seconds the oldest unpublished outbox event has waited; 0 when none",
                self -> self.backlog().map(b -> b.oldestPendingAgeAt(self.clock.instant()).toNanos() / 1e9)
                        .orElse(Double.NaN));
        register(registry, ALARMS_OPEN, "Alarms in status OPEN",
                self -> self.backlog().map(b -> (double) b.openAlarms()).orElse(Double.NaN));
        register(registry, HEALTH_UP, "1 while the public /observe/health answers UP (the database answers), 0 while DOWN",
                self -> self.healthUp);
        // Read at scrape time, from memory. Only where the topology runs in this process (known by the
        // time the management port starts): with WARDEN_STREAMS=off it runs as its own jar, and a 0 here
        // would page for a topology that may be fine.
        if (query.alarmTopology().isPresent()) {
            register(registry, ALARM_STREAMS_UP, "1 while the in-process alarm topology processes events (RUNNING),"
                    + " 0 in any other state", self -> self.query.alarmTopology()
                    .map(topology -> topology.processing() ? 1.0 : 0.0).orElse(0.0));
        }
        scheduler.scheduleWithFixedDelay(this::refreshBacklog, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        this.sessionCountInterval = sessionCountInterval;
        scheduler.execute(this::countActiveSessionsAndPace);
    }

    /**
     * When the next count may start, {@code took} after the last one began: the configured interval,
     * or longer when the count itself is slow, so that counting never takes more than one part in
     * {@value #SESSION_COUNT_DUTY_DIVISOR} of a core, whatever the number of sessions (at ten million
     * a count takes about 5 s: every minute, that held a core for a twelfth of the time).
     */
    static Duration nextSessionCountAfter(Duration interval, Duration took) {
        Duration paced = took.multipliedBy(SESSION_COUNT_DUTY_DIVISOR);
        return paced.compareTo(interval) > 0 ? paced : interval;
    }

    /** Counts, then schedules the next count after {@link #nextSessionCountAfter} from this one's start. */
    private void countActiveSessionsAndPace() {
        long start = System.nanoTime();
        refreshActiveSessions();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Duration wait = nextSessionCountAfter(sessionCountInterval, took).minus(took);
        try {
            scheduler.schedule(this::countActiveSessionsAndPace, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // close() shut the scheduler down while this count ran: nothing more to count.
        }
    }

    private void register(MeterRegistry registry, String name, String description,
                          ToDoubleFunction<OperationalGauges> value) {
        MeterRegistryChanges.exclusively(() -> registry.getOrCreate(Gauge.builder(name, this, value)
                .description(description)));
    }

    /** The last backlog read, if any read succeeded yet. */
    Optional<Backlog> backlog() {
        return Optional.ofNullable(backlog.get());
    }

    /** The last active-session count, if any read succeeded yet. */
    OptionalLong activeSessions() {
        return activeSessions;
    }

    /** Reads everything now (tests call it rather than waiting for the intervals). */
    void refresh() {
        refreshBacklog();
        refreshActiveSessions();
    }

    private void refreshBacklog() {
        healthUp = database.call().status() == HealthCheckResponse.Status.UP ? 1 : 0;
        read(() -> backlog.set(query.backlog()));
    }

    private void refreshActiveSessions() {
        read(() -> activeSessions = OptionalLong.of(query.activeSessions()));
    }

    private void read(Runnable read) {
        try {
            read.run();
            if (failing) {
                LOG.log(Level.INFO, "Operational figures readable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                // The class only: a driver message can carry a connection URL.
                LOG.log(Level.WARNING, "Could not read the operational figures (" + e.getClass().getName()
                        + "); the gauges keep their last values until a read succeeds");
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
