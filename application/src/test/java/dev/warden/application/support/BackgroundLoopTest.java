package dev.warden.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(20);

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
    void givenPassesThatFail_whenRunning_thenItKeepsRunningWithOneWarningAndOneRecoveryLine() {
        AtomicInteger passes = new AtomicInteger();
        started(loop().every(SHORT).start(() -> {
            if (passes.incrementAndGet() <= 3) {
                throw new IllegalStateException("database away");
            }
        }));

        await("passes after the failures", () -> passes.get() >= 6);

        List<String> warnings = log.lines(Level.WARNING);
        assertEquals(List.of("test-loop: IllegalStateException (database away); retrying in PT0.02S"), warnings);
        assertEquals(List.of("test-loop recovered after 3 failed attempt(s)"), log.lines(Level.INFO));
        assertTrue(log.thrown.isEmpty(), "no stack trace: the description only");
    }

    @Test
    void givenAFailingPass_whenRetrying_thenThePauseDoublesUpToTheMaximum() {
        List<Long> at = new CopyOnWriteArrayList<>();
        started(loop().every(LONG).firstPassAfter(Duration.ZERO).retryAfter(Duration.ofMillis(40), Duration.ofMillis(160))
                .describeFailures(e -> "the pass failed").start(() -> {
                    at.add(System.nanoTime());
                    throw new IllegalStateException("always");
                }));

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
        BackgroundLoop loop = started(loop().every(LONG).firstPassAfter(Duration.ZERO)
                .onExit(() -> exitThread.set(Thread.currentThread().getName()))
                .start(passes::incrementAndGet));
        await("the first pass", () -> passes.get() == 1);

        long start = System.nanoTime();
        loop.close();

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
        assertFalse(loop.isAlive());
        assertEquals("test-loop", exitThread.get());
        assertEquals(1, passes.get());
    }

    @Test
    void givenAPassInHand_whenClosed_thenItFinishesUninterruptedBeforeCloseReturns() throws Exception {
        CountDownLatch inPass = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        BackgroundLoop loop = started(loop().every(LONG).firstPassAfter(Duration.ZERO).start(() -> {
            inPass.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            }
            finished.set(true);
        }));
        assertTrue(inPass.await(5, TimeUnit.SECONDS));

        loop.close();

        assertTrue(finished.get(), "close waited for the pass");
        assertFalse(interrupted.get(), "a pass within the stop timeout is not interrupted");
    }

    @Test
    void givenAPassThatOverrunsTheStopTimeout_whenClosed_thenItIsInterrupted() throws Exception {
        CountDownLatch inPass = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        BackgroundLoop loop = started(loop().every(LONG).firstPassAfter(Duration.ZERO).stopTimeout(Duration.ofMillis(100))
                .start(() -> {
                    inPass.countDown();
                    try {
                        Thread.sleep(LONG);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }));
        assertTrue(inPass.await(5, TimeUnit.SECONDS));

        loop.close();

        assertTrue(interrupted.get());
        assertFalse(loop.isAlive());
        assertTrue(log.lines(Level.WARNING).getFirst().startsWith("test-loop did not stop within PT0.1S"));
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
        }, LONG).start(() -> {
            passes.incrementAndGet();
            return backlog.getAndUpdate(n -> Math.max(0, n - 1)) > 1;
        }));
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
        }, LONG).start(() -> false));
        await("it waits", () -> waits.get() == 1);

        loop.close();

        assertTrue(interrupted.get());
        assertFalse(loop.isAlive());
        assertTrue(log.lines(Level.WARNING).isEmpty(), log.lines(Level.WARNING).toString());
    }

    @Test
    void givenPassesThatWaitByThemselves_whenRunningBackToBack_thenNoRestComesBetweenThem() {
        AtomicInteger passes = new AtomicInteger();
        started(loop().backToBack().start(() -> {
            passes.incrementAndGet(); // a poll that found nothing
        }));

        await("many passes at once", () -> passes.get() >= 100);
    }

    @Test
    void givenAPassBlockedElsewhere_whenClosed_thenTheStopHookUnblocksItAndNoFailureIsLogged() {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        BackgroundLoop loop = started(loop().backToBack().onStop(unblock::countDown).start(() -> {
            blocked.countDown();
            try {
                unblock.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("woken up"); // like a Kafka poll's WakeupException
        }));
        await("the pass blocks", () -> blocked.getCount() == 0);

        loop.close();

        assertFalse(loop.isAlive());
        assertTrue(log.lines(Level.WARNING).isEmpty(), log.lines(Level.WARNING).toString());
    }

    @Test
    void givenALoopNeverStarted_whenClosed_thenItsExitHookStillReleases() {
        AtomicBoolean released = new AtomicBoolean();
        BackgroundLoop loop = loop().every(LONG).onExit(() -> released.set(true)).build(() -> false);

        loop.close();

        assertTrue(released.get());
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A System.Logger that keeps what it was given. */
    private static final class RecordingLogger implements System.Logger {
        private final List<Level> levels = new CopyOnWriteArrayList<>();
        private final List<String> messages = new CopyOnWriteArrayList<>();
        final List<Throwable> thrown = new CopyOnWriteArrayList<>();

        synchronized List<String> lines(Level level) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < levels.size(); i++) {
                if (levels.get(i) == level) {
                    lines.add(messages.get(i));
                }
            }
            return lines;
        }

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public synchronized void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            levels.add(level);
            messages.add(msg);
            if (thrown != null) {
                this.thrown.add(thrown);
            }
        }

        @Override
        public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
            levels.add(level);
            messages.add(params == null || params.length == 0 ? format
                    : java.text.MessageFormat.format(format, params));
        }
    }
}
