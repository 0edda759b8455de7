package dev.warden.adapter.http;

import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.MetricsConfig;
import io.helidon.metrics.api.MetricsFactory;
import io.helidon.metrics.spi.MetersProvider;
import io.helidon.service.registry.Services;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The JVM's and the process's meters (scope {@code base}), named so that {@code promtool check metrics}
 * finds nothing to say: Helidon's built-in meters in their snake_case form (the metrics config's
 * {@code built-in-meter-name-format: SNAKE}: {@code memory_used_heap_bytes}, {@code cpu_system_load_average},
 * {@code classloader_loaded_classes_total}, {@code gc_total}...), except five that Helidon names
 * {@code *_count} although they are gauges, or types as a gauge although it is a counter. Those five are
 * registered here instead, under names of their own:
 *
 * <table>
 * <tr><th>Helidon (camelCase)</th><th>here</th><th>type</th></tr>
 * <tr><td>{@code thread_count}</td><td>{@code thread_live}</td><td>gauge</td></tr>
 * <tr><td>{@code thread_daemon_count}</td><td>{@code thread_daemon}</td><td>gauge</td></tr>
 * <tr><td>{@code thread_max_count}</td><td>{@code thread_peak}</td><td>gauge</td></tr>
 * <tr><td>{@code thread_starts} (a gauge)</td><td>{@code thread_started_total}</td><td>counter</td></tr>
 * <tr><td>{@code classloader_loadedClasses_count}</td><td>{@code classloader_loaded_classes_current}</td><td>gauge</td></tr>
 * </table>
 *
 * <p>None of these shares a Prometheus family name with Helidon's camelCase meters ({@code thread_starts}
 * in particular, hence {@code thread_started_total}): every Helidon registry in a JVM feeds the same
 * Prometheus registry, so a library or test that starts Helidon's global registry would otherwise make
 * one of the two registrations fail.
 *
 * <p>And, on Unix, {@code process_open_fds} and {@code process_max_fds} (the names Prometheus's own
 * client libraries use): the public port's connection cap comes from {@code ulimit -n}, so running out
 * of file descriptors is a failure worth seeing coming.
 */
final class JvmMeters {
    /** Helidon's built-in meters (snake_case names) registered here under another name or type. */
    private static final Set<String> REPLACED = Set.of("thread.count", "thread.daemon.count", "thread.max.count",
            "thread.starts", "classloader.loaded_classes.count");

    private JvmMeters() {
    }

    /**
     * Registers every JVM and process meter in {@code registry}; {@code config} must name built-in meters SNAKE.
     * The caller holds {@link MeterRegistryChanges} (HelidonWardenMetrics' constructor, its one caller).
     */
    static void register(MeterRegistry registry, MetricsConfig config) {
        MetricsFactory factory = withConfig(Services.get(MetricsFactory.class), config);
        for (MetersProvider provider : ServiceLoader.load(MetersProvider.class)) {
            for (Meter.Builder<?, ?> builder : provider.meterBuilders(factory)) {
                if (!REPLACED.contains(builder.name())) {
                    getOrCreate(registry, builder);
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        gauge(registry, "thread_live", "Live threads, daemon and not", threads::getThreadCount);
        gauge(registry, "thread_daemon", "Live daemon threads", threads::getDaemonThreadCount);
        gauge(registry, "thread_peak", "The most live threads at once since the JVM started", threads::getPeakThreadCount);
        registry.getOrCreate(FunctionalCounter.builder("thread_started_total", threads,
                        ThreadMXBean::getTotalStartedThreadCount)
                .scope(Meter.Scope.BASE)
                .description("Platform threads started since the JVM started"));
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        gauge(registry, "classloader_loaded_classes_current", "Classes loaded now", classes::getLoadedClassCount);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            gauge(registry, "process_open_fds", "Open file descriptors of this process",
                    unix::getOpenFileDescriptorCount);
            gauge(registry, "process_max_fds", "The most file descriptors this process may open (ulimit -n)",
                    unix::getMaxFileDescriptorCount);
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<? extends Number> value) {
        registry.getOrCreate(Gauge.builder(name, () -> value.get().doubleValue())
                .scope(Meter.Scope.BASE)
                .description(description));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void getOrCreate(MeterRegistry registry, Meter.Builder builder) {
        registry.getOrCreate(builder);
    }

    /**
     * Helidon's meter providers take the name format from the factory they are handed, and the global
     * factory has the global configuration (camelCase unless the process configured otherwise). This
     * is the global factory answering {@code config} instead: nothing global changes.
     */
    private static MetricsFactory withConfig(MetricsFactory factory, MetricsConfig config) {
        return (MetricsFactory) Proxy.newProxyInstance(MetricsFactory.class.getClassLoader(),
                new Class<?>[] {MetricsFactory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("metricsConfig") && method.getParameterCount() == 0) {
                        return config;
                    }
                    try {
                        return method.invoke(factory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
