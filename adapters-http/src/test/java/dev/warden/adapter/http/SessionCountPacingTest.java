package dev.warden.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The active-session count, whose cost grows with the sessions (about 5 s at ten million), takes at
 * most a twentieth of a core: a slow count stretches the wait before the next one beyond the
 * configured interval; a fast one keeps the interval.
 */
class SessionCountPacingTest {

    @Test
    void aFastCountKeepsTheIntervalAndASlowOneWaitsTwentyTimesItsOwnLength() {
        Duration minute = Duration.ofMinutes(1);

        assertEquals(minute, OperationalGauges.nextSessionCountAfter(minute, Duration.ofMillis(300)),
                "a million sessions (0.3 s): every minute, as configured");
        assertEquals(minute, OperationalGauges.nextSessionCountAfter(minute, Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(100), OperationalGauges.nextSessionCountAfter(minute, Duration.ofSeconds(5)),
                "ten million sessions (5 s): every 100 s");
    }

    @Test
    void aSlowCountIsRunLessOftenThanTheIntervalAsks() throws InterruptedException {
        AtomicInteger counts = new AtomicInteger();
        Duration countTakes = Duration.ofMillis(100);
        OperationalFiguresQuery slowCount = new OperationalFiguresQuery() {
            @Override
            public Backlog backlog() {
                return new Backlog(Instant.now(), 0, Optional.empty(), 0);
            }

            @Override
            public long activeSessions() {
                counts.incrementAndGet();
                try {
                    Thread.sleep(countTakes);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 7;
            }
        };
        try (HelidonWardenMetrics metrics = new HelidonWardenMetrics();
             OperationalGauges gauges = new OperationalGauges(metrics.registry(), slowCount, () -> true,
                     Duration.ofHours(1), Duration.ofMillis(10), Clock.systemUTC())) {
            Thread.sleep(3_000);

            // Every 10 ms as configured would be about 27 counts; paced, one every 2 s: the first and one more.
            assertTrue(counts.get() >= 1 && counts.get() <= 3, "counts in 3 s: " + counts.get());
            assertEquals(7, gauges.activeSessions().orElseThrow());
        }
    }
}
