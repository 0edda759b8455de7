package dev.warden.application.support;

import static dev.warden.application.support.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FixedDelayJobTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(20);

    private final RecordingLogger log = new RecordingLogger();
    private final List<FixedDelayJob> jobs = new ArrayList<>();

    @AfterEach
    void closeAll() {
        jobs.forEach(FixedDelayJob::close);
    }

    private FixedDelayJob.Builder job() {
        return FixedDelayJob.named("test-loop").logTo(log);
    }

    private FixedDelayJob started(FixedDelayJob job) {
        jobs.add(job);
        return job;
    }

    @Test
    void givenPassesThatFail_whenRunning_thenItKeepsRunningWithOneWarningAndOneRecoveryLine() {
        AtomicInteger passes = new AtomicInteger();
        started(job().every(SHORT).start(() -> {
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
    void givenNoFirstDelay_whenStarted_thenTheFirstPassWaitsOneInterval() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        started(job().every(LONG).start(passes::incrementAndGet));
        AtomicInteger early = new AtomicInteger();
        started(job().every(LONG).firstPassAfter(Duration.ZERO).start(early::incrementAndGet));

        await("the job told to start at once runs", () -> early.get() == 1);
        Thread.sleep(100);

        assertEquals(0, passes.get());
    }

    @Test
    void givenAJobResting_whenClosed_thenItStopsAtOnceAndRunsNoMore() {
        AtomicInteger passes = new AtomicInteger();
        FixedDelayJob job = started(job().every(LONG).firstPassAfter(Duration.ZERO).start(passes::incrementAndGet));
        await("the first pass", () -> passes.get() == 1);

        long start = System.nanoTime();
        job.close();

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
        assertFalse(job.isAlive());
        assertEquals(1, passes.get());
    }

    @Test
    void givenAPassInHand_whenClosed_thenItFinishesUninterruptedBeforeCloseReturns() throws Exception {
        CountDownLatch inPass = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        FixedDelayJob job = started(job().every(LONG).firstPassAfter(Duration.ZERO).start(() -> {
            inPass.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < until) {
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            }
            finished.set(true);
        }));
        assertTrue(inPass.await(5, TimeUnit.SECONDS));

        job.close();

        assertTrue(finished.get(), "close waited for the pass");
        assertFalse(interrupted.get(), "a pass within the stop timeout is not interrupted");
    }

    @Test
    void givenAPassThatOverrunsTheStopTimeout_whenClosed_thenItIsInterrupted() throws Exception {
        CountDownLatch inPass = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        FixedDelayJob job = started(job().every(LONG).firstPassAfter(Duration.ZERO).stopTimeout(Duration.ofMillis(100))
                .start(() -> {
                    inPass.countDown();
                    try {
                        Thread.sleep(LONG);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }));
        assertTrue(inPass.await(5, TimeUnit.SECONDS));

        job.close();

        assertTrue(interrupted.get());
        assertFalse(job.isAlive());
        assertTrue(log.lines(Level.WARNING).getFirst().startsWith("test-loop did not stop within PT0.1S"));
    }
}
