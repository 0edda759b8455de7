package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every LoginThrottle must do. */
public abstract class LoginThrottleContract extends PortContract {
    static final Instant WINDOW = Instant.parse("2030-03-04T12:00:00Z");

    protected LoginThrottle throttle;

    /** A second instance of the service on the same store, for counts that must be shared. */
    protected abstract LoginThrottle anotherInstance();

    @BeforeEach
    void setUpThrottle() {
        throttle = ports.throttle();
    }

    @Test
    void givenTheLimitIsCounted_thenTheNextAttemptIsNotUntilOneIsGivenBack() {
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.tryCount("203.0.113.9", WINDOW, 3));
        }
        assertFalse(throttle.tryCount("203.0.113.9", WINDOW, 3));

        throttle.uncount("203.0.113.9", WINDOW);

        assertTrue(throttle.tryCount("203.0.113.9", WINDOW, 3));
        assertFalse(throttle.tryCount("203.0.113.9", WINDOW, 3));
    }

    @Test
    void clientsAndWindowsAreCountedApart() {
        assertTrue(throttle.tryCount("203.0.113.9", WINDOW, 1));
        assertFalse(throttle.tryCount("203.0.113.9", WINDOW, 1));

        assertTrue(throttle.tryCount("203.0.113.10", WINDOW, 1));
        assertTrue(throttle.tryCount("203.0.113.9", WINDOW.plus(Duration.ofMinutes(5)), 1));
    }

    @Test
    void givingBackNeverGoesBelowZero() {
        throttle.uncount("203.0.113.9", WINDOW);
        assertTrue(throttle.tryCount("203.0.113.9", WINDOW, 1));
        throttle.uncount("203.0.113.9", WINDOW);
        throttle.uncount("203.0.113.9", WINDOW);

        assertTrue(throttle.tryCount("203.0.113.9", WINDOW, 1));
        assertFalse(throttle.tryCount("203.0.113.9", WINDOW, 1));
    }

    @Test
    void refusalsAreCountedPerClientAndWindow() {
        throttle.tryCount("203.0.113.9", WINDOW, 1);
        throttle.tryCount("203.0.113.10", WINDOW, 1);

        assertEquals(1, throttle.countRefusal("203.0.113.9", WINDOW));
        assertEquals(2, throttle.countRefusal("203.0.113.9", WINDOW));
        assertEquals(1, throttle.countRefusal("203.0.113.10", WINDOW));
    }

    @Test
    void deletingOldWindowsKeepsTheCurrentOne() {
        Instant previous = WINDOW.minus(Duration.ofMinutes(5));
        throttle.tryCount("203.0.113.9", previous, 1);
        throttle.tryCount("203.0.113.10", previous, 1);
        throttle.tryCount("203.0.113.9", WINDOW, 1);

        assertEquals(2, throttle.deleteWindowsBefore(WINDOW));

        assertTrue(throttle.tryCount("203.0.113.10", previous, 1), "its count is gone");
        assertFalse(throttle.tryCount("203.0.113.9", WINDOW, 1), "the current window's count stays");
    }

    @Test
    void givenParallelAttemptsOnTwoInstances_thenExactlyTheLimitIsCounted() throws Exception {
        LoginThrottle other = anotherInstance();
        int limit = 30;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                LoginThrottle instance = i % 2 == 0 ? throttle : other;
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return instance.tryCount("203.0.113.9", WINDOW, limit);
                };
                attempts.add(pool.submit(attempt));
            }
            start.countDown();
            int counted = 0;
            for (Future<Boolean> attempt : attempts) {
                counted += attempt.get() ? 1 : 0;
            }
            assertEquals(limit, counted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countsAreKeptAtTheStoresPrecision() {
        Instant odd = NOW; // microseconds
        assertTrue(throttle.tryCount("2001:db8:0:7::/64", odd, 1));
        assertFalse(throttle.tryCount("2001:db8:0:7::/64", odd, 1));
    }
}
