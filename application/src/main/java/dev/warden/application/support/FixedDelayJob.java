package dev.warden.application.support;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A job of the service that runs every so often (the expiry sweep, retention, pruning): a pass on a
 * named daemon thread of its own, then a fixed rest, then a pass again, until {@link #close()}. A
 * scheduler does the timing. A failed pass never ends the job: the next one, after the same rest,
 * tries again, with one WARNING per run of failures (not per retry) and one INFO when a pass succeeds
 * again.
 *
 * <p>Closing cancels the next pass at once and waits a bounded time for a pass in hand to finish;
 * only a pass that overruns that bound is interrupted.
 *
 * <pre>{@code
 * FixedDelayJob sweeper = FixedDelayJob.named("warden-expiry-sweeper").logTo(LOG)
 *         .every(Duration.ofSeconds(30))
 *         .start(sweep::sweepOnce);
 * sweeper.close();
 * }</pre>
 */
public final class FixedDelayJob implements AutoCloseable {
    private final Duration interval;
    private final FailureLog failures;
    private final BoundedStop stop;
    private final ScheduledExecutorService scheduler;

    private FixedDelayJob(Builder b, Runnable pass) {
        this.interval = b.interval;
        this.failures = b.failureLog();
        this.stop = b.boundedStop();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(b.daemonThread().factory());
        Duration firstPassAfter = b.firstPassAfter != null ? b.firstPassAfter : interval;
        scheduler.scheduleWithFixedDelay(() -> runOnce(pass), firstPassAfter.toNanos(), interval.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** A job whose thread has this name; the name also starts every log line of it. */
    public static Builder named(String threadName) {
        return new Builder(threadName);
    }

    private void runOnce(Runnable pass) {
        try {
            pass.run();
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.failed(e, "in " + interval);
        } catch (Error e) {
            // The scheduler would keep it where nobody looks: say it as a thread that dies of it would.
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
            throw e;
        }
    }

    /** Stops the job: the rest ends at once; a pass in hand may finish within the stop timeout. */
    @Override
    public void close() {
        scheduler.shutdown(); // cancels the next pass; interrupts no pass in hand
        stop.await(atMost -> scheduler.awaitTermination(atMost.toNanos(), TimeUnit.NANOSECONDS),
                scheduler::shutdownNow);
    }

    /** Whether the thread still runs (it ends only after {@link #close()}). */
    public boolean isAlive() {
        return !scheduler.isTerminated();
    }

    /** How a job runs; {@link #start} builds and starts it. */
    public static final class Builder extends JobBuilder<Builder> {
        private Duration interval;
        private Duration firstPassAfter;

        private Builder(String name) {
            super(name);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Rests {@code pause} after each pass, failed or not; the first pass comes after one pause too, unless set. */
        public Builder every(Duration pause) {
            this.interval = positive(pause, "pause");
            return this;
        }

        public Builder firstPassAfter(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative");
            }
            this.firstPassAfter = delay;
            return this;
        }

        /** Starts the job; returns at once. */
        public FixedDelayJob start(Runnable pass) {
            Objects.requireNonNull(pass, "pass");
            if (interval == null) {
                throw new IllegalStateException("say how often the job runs: every(...)");
            }
            return new FixedDelayJob(this, pass);
        }
    }
}
