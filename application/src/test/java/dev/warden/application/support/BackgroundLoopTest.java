package dev.warden.application.support;

import static dev.warden.application.support.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    private final RecordingLogger log = new RecordingLogger();
    private final List<BackgroundLoop> loops = new ArrayList<>();

    @AfterEach
    void closeAll() {
        loops.forEach(BackgroundLoop::close);
    }

    private BackgroundLoop.Builder loop() {
        return BackgroundLoop.named("test-loop").logTo(log);
    }

    private BackgroundLoop started(BackgroundLoop loop) {
        loops.add(loop);
        return loop;
    }

    @Test
    void givenAFailingPass_whenRetrying_thenThePauseDoublesUpToTheMaximum() {
        List<Long> at = new CopyOnWriteArrayList<>();
        started(loop().restingOn(Thread::sleep, LONG).retryAfter(Duration.ofMillis(40), Duration.ofMillis(160))
                .describeFailures(e -> "the pass failed").build(() -> {
                    at.add(System.nanoTime());
                    throw new IllegalStateException("always");
                }).start());

        await("five attempts", () -> at.size() >= 5);

        long[] expectedMillis = {40, 80, 160, 160};
        for (int i = 1; i < 5; i++) {
            long gap = TimeUnit.NANOSECONDS.toMillis(at.get(i) - at.get(i - 1));
            assertTrue(gap >= expectedMillis[i - 1], "gap " + i + " was " + gap + " ms");
        }
        assertEquals(List.of("test-loop: the pass failed; retrying with pauses growing to PT0.16S"), log.lines(Level.WARNING));
    }

    @Test
    void givenALoopResting_whenClosed_thenItStopsAtOnceRunsNoMoreAndReleasesOnItsOwnThread() {
        AtomicInteger passes = new AtomicInteger();
        AtomicReference<String> exitThread = new AtomicReference<>();
        BackgroundLoop loop = started(loop().restingOn(Thread::sleep, LONG)
                .onExit(() -> exitThread.set(Thread.currentThread().getName()))
                .build(passes::incrementAndGet).start());
        await("the first pass", () -> passes.get() == 1);

        long start = System.nanoTime();
        loop.close();

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
        assertFalse(loop.isAlive());
        assertEquals("test-loop", exitThread.get());
        assertEquals(1, passes.get());
    }

    @Test
    void givenWorkWaiting_whenRestingOnASignal_thenPassesRunBackToBackThenTheSignalWakesTheLoopEarly() {
        AtomicInteger backlog = new AtomicInteger(3);
        AtomicInteger passes = new AtomicInteger();
        Semaphore signal = new Semaphore(0);
        AtomicInteger waits = new AtomicInteger();
        started(loop().restingOn(atMost -> {
            waits.incrementAndGet();
            signal.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
        }, LONG).build(() -> {
            passes.incrementAndGet();
            return backlog.getAndUpdate(n -> Math.max(0, n - 1)) > 1;
        }).start());
        await("the backlog is worked off and the loop rests", () -> waits.get() == 1);
        assertEquals(3, passes.get(), "three passes back to back, no rest between them");

        long start = System.nanoTime();
        signal.release();

        await("the signal wakes it", () -> passes.get() == 4);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void givenALoopWaitingForASignal_whenClosed_thenTheWaitIsInterruptedAndItStops() {
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger waits = new AtomicInteger();
        BackgroundLoop loop = started(loop().restingOn(atMost -> {
            waits.incrementAndGet();
            try {
                Thread.sleep(atMost);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        }, LONG).build(() -> false).start());
        await("it waits", () -> waits.get() == 1);

        loop.close();

        assertTrue(interrupted.get());
        assertFalse(loop.isAlive());
        assertTrue(log.lines(Level.WARNING).isEmpty(), log.lines(Level.WARNING).toString());
    }

    @Test
    void givenPassesThatWaitByThemselves_whenRunningBackToBack_thenNoRestComesBetweenThem() {
        AtomicInteger passes = new AtomicInteger();
        started(loop().backToBack().build(() -> {
            passes.incrementAndGet(); // a poll that found nothing
        }).start());

        await("many passes at once", () -> passes.get() >= 100);
    }

    @Test
    void givenAPassBlockedElsewhere_whenClosed_thenTheStopHookUnblocksItAndNoFailureIsLogged() {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        BackgroundLoop loop = started(loop().backToBack().onStop(unblock::countDown).build(() -> {
            blocked.countDown();
            try {
                unblock.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("woken up"); // like a Kafka poll's WakeupException
        }).start());
        await("the pass blocks", () -> blocked.getCount() == 0);

        loop.close();

        assertFalse(loop.isAlive());
        assertTrue(log.lines(Level.WARNING).isEmpty(), log.lines(Level.WARNING).toString());
    }

    @Test
    void givenALoopNeverStarted_whenClosed_thenItsExitHookStillReleases() {
        AtomicBoolean released = new AtomicBoolean();
        BackgroundLoop loop = loop().backToBack().onExit(() -> released.set(true)).build(() -> false);

        loop.close();

        assertTrue(released.get());
    }
}
