package dev.warden.adapter.http;

import dev.warden.application.port.out.WardenMetrics;
import dev.warden.domain.TerminationReason;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.MetricsConfig;
import io.helidon.metrics.api.MetricsFactory;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.metrics.spi.MetersProvider;
import io.helidon.service.registry.Services;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * {@link WardenMetrics} over Helidon's metrics API, in a registry of this instance's own (not
 * Helidon's global one: two instances in one JVM, as in tests, keep apart, and closing one removes
 * its meters). The registry also carries Helidon's JVM meters, and is what the management port's
 * {@code /observe/metrics} serves, in Prometheus text format.
 *
 * <p>Meters are named with their final Prometheus names (Micrometer's Prometheus naming keeps a
 * counter's {@code _total} and a seconds-based timer's {@code _seconds}), and every label value is
 * registered at start with 0, so each series exists from the first scrape and {@code rate()} sees
 * its first increment. Helidon adds a {@code scope="application"} label to each.
 */
public final class HelidonWardenMetrics implements WardenMetrics, AutoCloseable {
    public static final String LOGINS = "warden_logins_total";
    public static final String LOGIN_THROTTLED = "warden_login_throttled_total";
    public static final String ACCOUNT_LOCKOUTS = "warden_account_lockouts_total";
    public static final String SESSION_VALIDATION = "warden_session_validation_seconds";
    public static final String SESSIONS_ENDED = "warden_sessions_ended_total";
    public static final String OUTBOX_PUBLISHED = "warden_outbox_published_total";

    /**
     * Validation is one indexed read (well under a millisecond when the database is near); the
     * upper buckets show queueing for the pool, and the connect timeout (2 s by default).
     */
    static final List<Duration> VALIDATION_BUCKETS = List.of(
            Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500));

    private final MeterRegistry registry;
    private final Map<LoginOutcome, Counter> logins = new EnumMap<>(LoginOutcome.class);
    private final Map<TerminationReason, Counter> sessionsEnded = new EnumMap<>(TerminationReason.class);
    private final Counter throttled;
    private final Counter lockouts;
    private final Counter published;
    private final Timer validation;

    public HelidonWardenMetrics() {
        this.registry = MeterRegistry.create(MetricsConfig.create());
        registerJvmMeters(registry);
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
        throttled = registry.getOrCreate(Counter.builder(LOGIN_THROTTLED)
                .description("Login attempts refused by the per-address throttle (429)"));
        lockouts = registry.getOrCreate(Counter.builder(ACCOUNT_LOCKOUTS)
                .description("Accounts locked by failed logins"));
        published = registry.getOrCreate(Counter.builder(OUTBOX_PUBLISHED)
                .description("Outbox events this instance published to Kafka"));
        validation = registry.getOrCreate(Timer.builder(SESSION_VALIDATION)
                .description("Session validation latency, whatever the answer")
                .baseUnit(Meter.BaseUnits.SECONDS)
                .percentiles(new double[0]) // a plain histogram: client-side quantiles would not aggregate
                .buckets(VALIDATION_BUCKETS.toArray(Duration[]::new)));
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

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        registry.close();
    }

    /** Helidon's built-in JVM meters (heap, threads, GC, CPU...), which otherwise go only to the global registry. */
    private static void registerJvmMeters(MeterRegistry registry) {
        MetricsFactory factory = Services.get(MetricsFactory.class);
        for (MetersProvider provider : ServiceLoader.load(MetersProvider.class)) {
            for (Meter.Builder<?, ?> builder : provider.meterBuilders(factory)) {
                register(registry, builder);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(MeterRegistry registry, Meter.Builder builder) {
        registry.getOrCreate(builder);
    }
}
