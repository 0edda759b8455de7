package dev.warden.adapter.http;

import dev.warden.application.port.out.WardenMetrics;
import dev.warden.domain.TerminationReason;
import io.helidon.metrics.api.BuiltInMeterNameFormat;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.MetricsConfig;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * {@link WardenMetrics} over Helidon's metrics API, in a registry of this instance's own (not
 * Helidon's global one: closing it removes its meters). The registry also carries Helidon's JVM
 * meters, and is what the management port's {@code /observe/metrics} serves, in Prometheus text
 * format. Two instances in one JVM (as in tests) do not keep apart completely: Helidon 4.5 tells
 * every registry of every meter made in the JVM, so a meter both make (same name and labels) is
 * one meter counting for both. Every registry change goes through {@link MeterRegistryChanges}.
 *
 * <p>Meters are named with their final Prometheus names (Micrometer's Prometheus naming keeps a
 * counter's {@code _total} and a seconds-based timer's {@code _seconds}), and every label value is
 * registered at start with 0, so each series exists from the first scrape and {@code rate()} sees
 * its first increment. Helidon adds a {@code scope="application"} label to each.
 *
 * <p>Beside the port's business events it holds what the composition root hands it: the public API's
 * requests ({@link #httpRequest}, from {@link HttpRequestMetrics}), the connection pools
 * ({@link #connectionPool}) and the build ({@link #buildInfo}); the JVM's and the process's meters are
 * {@link JvmMeters}.
 */
public final class HelidonWardenMetrics implements WardenMetrics, AutoCloseable {
    public static final String LOGINS = "warden_logins_total";
    public static final String LOGIN_THROTTLED = "warden_login_throttled_total";
    public static final String ACCOUNT_LOCKOUTS = "warden_account_lockouts_total";
    public static final String SESSION_VALIDATION = "warden_session_validation_seconds";
    public static final String SESSIONS_ENDED = "warden_sessions_ended_total";
    public static final String OUTBOX_PUBLISHED = "warden_outbox_published_total";
    public static final String OUTBOX_PUBLISH_FAILURES = "warden_outbox_publish_failures_total";
    public static final String HTTP_REQUESTS = "warden_http_requests_total";
    public static final String HTTP_REQUEST_DURATION = "warden_http_request_duration_seconds";
    public static final String DB_POOL_CONNECTIONS = "warden_db_pool_connections";
    public static final String BUILD_INFO = "warden_build_info";
    public static final String SSF_EVENTS_PENDING = "warden_ssf_events_pending";
    public static final String SSF_DELIVERIES = "warden_ssf_deliveries_total";

    /**
     * Helidon's configuration for this registry: built-in meters named in snake_case
     * ({@code memory_used_heap_bytes}, not {@code memory_usedHeap_bytes}), as promtool wants them.
     */
    static final MetricsConfig CONFIG = MetricsConfig.builder()
            .builtInMeterNameFormat(BuiltInMeterNameFormat.SNAKE)
            .build();

    /**
     * Validation is one indexed read (well under a millisecond when the database is near); the
     * upper buckets show queueing for the pool, and the connect timeout (2 s by default).
     */
    static final List<Duration> VALIDATION_BUCKETS = List.of(
            Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500));

    /**
     * A public API request takes from well under a millisecond (a session read) to a few hundred
     * milliseconds (a login's password hash, a deep page); the top buckets show queueing and timeouts.
     */
    static final List<Duration> HTTP_BUCKETS = List.of(
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    private final MeterRegistry registry;
    private final Map<LoginOutcome, Counter> logins = new EnumMap<>(LoginOutcome.class);
    private final Map<TerminationReason, Counter> sessionsEnded = new EnumMap<>(TerminationReason.class);
    private final Counter throttled;
    private final Counter lockouts;
    private final Counter published;
    private final Counter publishFailures;
    private final Timer validation;
    private final Map<SsfDeliveryOutcome, Counter> ssfDeliveries = new EnumMap<>(SsfDeliveryOutcome.class);
    private final AtomicLong ssfPending = new AtomicLong();
    /** By method, route and status: bounded, since HttpRequestMetrics bounds each label. */
    private final ConcurrentMap<List<String>, Counter> httpRequests = new ConcurrentHashMap<>();
    /** By method and route. */
    private final ConcurrentMap<List<String>, Timer> httpDurations = new ConcurrentHashMap<>();

    public HelidonWardenMetrics() {
        // Creating a registry creates its meters: one change like any other (MeterRegistryChanges).
        try (MeterRegistryChanges.Held held = MeterRegistryChanges.hold()) {
            this.registry = MeterRegistry.create(CONFIG);
            JvmMeters.register(registry, CONFIG);
            for (LoginOutcome outcome : LoginOutcome.values()) {
                logins.put(outcome, registry.getOrCreate(Counter.builder(LOGINS)
                        .description("Login attempts by outcome")
                        .tags(List.of(Tag.create("outcome", label(outcome))))));
            }
            for (TerminationReason reason : TerminationReason.values()) {
                sessionsEnded.put(reason, registry.getOrCreate(Counter.builder(SESSIONS_ENDED)
                        .description("Sessions ended, by reason")
                        .tags(List.of(Tag.create("reason", label(reason))))));
            }
            for (SsfDeliveryOutcome outcome : SsfDeliveryOutcome.values()) {
                ssfDeliveries.put(outcome, registry.getOrCreate(Counter.builder(SSF_DELIVERIES)
                        .description("SET pushes to Shared Signals receivers by outcome (delivered, rejected, failed)")
                        .tags(List.of(Tag.create("outcome", label(outcome))))));
            }
            registry.getOrCreate(Gauge.builder(SSF_EVENTS_PENDING, () -> (double) ssfPending.get())
                    .description("SETs waiting in every Shared Signals stream's queue, as the push job last counted"));
            throttled = registry.getOrCreate(Counter.builder(LOGIN_THROTTLED)
                    .description("Login attempts refused by the per-address throttle (429)"));
            lockouts = registry.getOrCreate(Counter.builder(ACCOUNT_LOCKOUTS)
                    .description("Accounts locked by failed logins"));
            published = registry.getOrCreate(Counter.builder(OUTBOX_PUBLISHED)
                    .description("Outbox events this instance published to Kafka"));
            publishFailures = registry.getOrCreate(Counter.builder(OUTBOX_PUBLISH_FAILURES)
                    .description("Relay attempts the broker did not acknowledge (the batch stays in the outbox)"));
            validation = registry.getOrCreate(Timer.builder(SESSION_VALIDATION)
                    .description("Session validation latency, whatever the answer")
                    .baseUnit(Meter.BaseUnits.SECONDS)
                    .percentiles(new double[0]) // a plain histogram: client-side quantiles would not aggregate
                    .buckets(VALIDATION_BUCKETS.toArray(Duration[]::new)));
        }
    }

    /** The label value: the enum name in lower case ({@code session_limit}, {@code idle_timeout}). */
    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void loginAttempted(LoginOutcome outcome) {
        logins.get(outcome).increment();
        if (outcome == LoginOutcome.THROTTLED) {
            throttled.increment();
        }
    }

    @Override
    public void accountLocked() {
        lockouts.increment();
    }

    @Override
    public void sessionValidated(Duration took) {
        validation.record(took);
    }

    @Override
    public void sessionEnded(TerminationReason reason) {
        sessionsEnded.get(reason).increment();
    }

    @Override
    public void eventsPublished(int count) {
        published.increment(count);
    }

    @Override
    public void eventsPublishFailed() {
        publishFailures.increment();
    }

    @Override
    public void ssfDelivery(SsfDeliveryOutcome outcome) {
        ssfDeliveries.get(outcome).increment();
    }

    @Override
    public void ssfEventsPending(long pending) {
        ssfPending.set(pending);
    }

    /**
     * One public API request answered: {@code warden_http_requests_total{method,route,status}} and
     * {@code warden_http_request_duration_seconds{method,route}}. The caller bounds the labels
     * ({@link HttpRequestMetrics}): a route template, never a raw path.
     */
    void httpRequest(String method, String route, int status, Duration took) {
        meter(httpRequests, List.of(method, route, Integer.toString(status)), labels ->
                registry.getOrCreate(Counter.builder(HTTP_REQUESTS)
                        .description("Public API requests answered, by method, route template and status")
                        .tags(List.of(Tag.create("method", labels.get(0)), Tag.create("route", labels.get(1)),
                                Tag.create("status", labels.get(2))))))
                .increment();
        meter(httpDurations, List.of(method, route), labels ->
                registry.getOrCreate(Timer.builder(HTTP_REQUEST_DURATION)
                        .description("Public API request duration, from the request to the last byte sent")
                        .baseUnit(Meter.BaseUnits.SECONDS)
                        .percentiles(new double[0])
                        .buckets(HTTP_BUCKETS.toArray(Duration[]::new))
                        .tags(List.of(Tag.create("method", labels.get(0)), Tag.create("route", labels.get(1))))))
                .record(took);
    }

    /** The meter of {@code labels}; a label set's first request makes it, under the JVM-wide lock. */
    private static <M> M meter(ConcurrentMap<List<String>, M> meters, List<String> labels,
                               Function<List<String>, M> make) {
        M meter = meters.get(labels);
        return meter != null ? meter : MeterRegistryChanges.exclusively(() -> meters.computeIfAbsent(labels, make));
    }

    /**
     * A connection pool's figures, read at each scrape: {@code warden_db_pool_connections{pool,state}}
     * with {@code state} {@code active} (lent out), {@code idle} (open, waiting in the pool),
     * {@code pending} (callers waiting for a connection) and {@code max} (the pool's size limit).
     */
    public void connectionPool(String pool, IntSupplier active, IntSupplier idle, IntSupplier pending, IntSupplier max) {
        Objects.requireNonNull(pool, "pool");
        Map<String, IntSupplier> states = Map.of("active", active, "idle", idle, "pending", pending, "max", max);
        states.forEach((state, value) -> Objects.requireNonNull(value, state));
        MeterRegistryChanges.exclusively(() -> states.forEach((state, value) ->
                registry.getOrCreate(Gauge.builder(DB_POOL_CONNECTIONS, () -> (double) value.getAsInt())
                        .description("Database connections by pool and state (active, idle, pending callers, max)")
                        .tags(List.of(Tag.create("pool", pool), Tag.create("state", state))))));
    }

    /** {@code warden_build_info{version,commit} 1}: which build this instance runs. */
    public void buildInfo(String version, String commit) {
        List<Tag> tags = List.of(Tag.create("version", Objects.requireNonNull(version, "version")),
                Tag.create("commit", Objects.requireNonNull(commit, "commit")));
        MeterRegistryChanges.exclusively(() -> registry.getOrCreate(Gauge.builder(BUILD_INFO, () -> 1.0)
                .description("Always 1; the labels name the build this instance runs")
                .tags(tags)));
    }

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        MeterRegistryChanges.exclusively(registry::close);
    }
}
