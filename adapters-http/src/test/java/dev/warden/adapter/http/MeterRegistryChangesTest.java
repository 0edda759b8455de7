package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Two instances in one JVM (as the end-to-end tests run them) each counting routes for the first
 * time, at the same moment, while a third instance starts and stops: without one lock for every
 * registry change, Helidon's registries and Micrometer's global one wait on each other for good
 * (the first requests hung, and so did stopping the instance).
 */
class MeterRegistryChangesTest {
    private static final int THREADS = 8;
    private static final int ROUTES_PER_THREAD = 300;

    @Test
    void twoRegistriesMakingMetersAtOnceNeverWaitOnEachOtherForGood() throws Exception {
        HelidonWardenMetrics first = new HelidonWardenMetrics();
        HelidonWardenMetrics second = new HelidonWardenMetrics();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS + 1);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    go.await();
                    for (int r = 0; r < ROUTES_PER_THREAD; r++) {
                        // Each request a label set never seen before, so each makes two meters.
                        String route = "/t" + thread + "/r" + r;
                        first.httpRequest("GET", route, 200, Duration.ofMillis(1));
                        second.httpRequest("GET", route, 200, Duration.ofMillis(1));
                    }
                    return null;
                }));
            }
            work.add(threads.submit(() -> { // an instance starting and stopping meanwhile
                go.await();
                for (int i = 0; i < 20; i++) {
                    new HelidonWardenMetrics().close();
                }
                return null;
            }));
            go.countDown();
            for (Future<?> each : work) {
                try {
                    each.get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("meters being made in two registries waited on each other for good", e);
                }
            }

            // Helidon tells every registry in the JVM of every meter, so each sees both instances' counts.
            for (HelidonWardenMetrics metrics : List.of(first, second)) {
                for (int t = 0; t < THREADS; t++) {
                    assertEquals(2.0, requests(metrics, "/t" + t + "/r" + (ROUTES_PER_THREAD - 1)),
                            "every request counted under its own route");
                }
            }
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS), "no thread stayed stuck");
            first.close();
            second.close();
        }
    }

    private static double requests(HelidonWardenMetrics metrics, String route) {
        return metrics.registry().meters().stream()
                .filter(meter -> meter instanceof Counter && meter.id().name().equals(HelidonWardenMetrics.HTTP_REQUESTS))
                .filter(meter -> hasTag(meter.id().tags(), "route", route))
                .mapToDouble(meter -> ((Counter) meter).count())
                .sum();
    }

    private static boolean hasTag(Iterable<Tag> tags, String key, String value) {
        for (Tag tag : tags) {
            if (tag.key().equals(key) && tag.value().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
