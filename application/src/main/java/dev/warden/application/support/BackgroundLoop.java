package dev.warden.application.support;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A background job of the service that waits for its work rather than running every so often (the
 * outbox relay, the alarm consumer), on a named daemon thread: runs passes back to back while they
 * report more work waiting, until {@link #close()}. A failed pass never ends the loop: it is retried
 * after a pause that grows from {@code initial} to {@code max}, with one WARNING per run of failures
 * (not per retry) and one INFO when a pass succeeds again. A job that runs every so often is a
 * {@link FixedDelayJob}.
 *
 * <p>Two ways to wait for work. {@link Builder#restingOn(IdleWait, Duration)}: when a pass finds no
 * more work, the loop waits on the given signal (the outbox's commit notification) for at most the
 * interval. {@link Builder#backToBack()}: no rest, for a pass that waits by itself (a Kafka poll).
 *
 * <p>Closing stops the loop, wakes it from a wait at once, and waits a bounded time for a pass in
 * hand to finish; only a pass that overruns that bound is interrupted.
 *
 * <pre>{@code
 * BackgroundLoop relay = BackgroundLoop.named("warden-outbox-relay").logTo(LOG)
 *         .restingOn(queue::awaitNewEvents, Duration.ofSeconds(1))
 *         .build(() -> relayOnce() > 0)
 *         .start();
 * relay.close();
 * }</pre>
 */
public final class BackgroundLoop implements AutoCloseable {
    /** How long {@link #close()} waits for a pass in hand before interrupting it, unless set. */
    public static final Duration DEFAULT_STOP_TIMEOUT = JobBuilder.DEFAULT_STOP_TIMEOUT;

    /** One pass of the work. */
    @FunctionalInterface
    public interface Pass {
        /** @return true when more work is waiting now (the next pass follows at once), false to rest */
        boolean run();
    }

    /** What a loop that rests on a signal waits on, e.g. a commit notification. */
    @FunctionalInterface
    public interface IdleWait {
        /** Returns when signalled or after {@code atMost}; may be interrupted by {@link #close()}. */
        void await(Duration atMost) throws InterruptedException;
    }

    private final Duration interval;
    /** Null for a loop whose passes run back to back. */
    private final IdleWait idleWait;
    private final Duration initialRetry;
    private final Duration maxRetry;
    private final FailureLog failures;
    private final BoundedStop stop;
    private final Runnable onStop;
    private final Runnable onExit;
    private final Pass pass;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    /** True only inside an {@link IdleWait}: the one moment close() interrupts without harm. */
    private volatile boolean waitingForSignal;

    private BackgroundLoop(Builder b, Pass pass) {
        this.interval = b.interval;
        this.idleWait = b.idleWait;
        this.initialRetry = b.initialRetry != null ? b.initialRetry : interval;
        this.maxRetry = b.maxRetry != null ? b.maxRetry : interval;
        this.failures = b.failureLog();
        this.stop = b.boundedStop();
        this.onStop = b.onStop;
        this.onExit = b.onExit;
        this.pass = pass;
        this.thread = b.daemonThread().unstarted(this::run);
    }

    /** A loop whose thread has this name; the name also starts every log line of it. */
    public static Builder named(String threadName) {
        return new Builder(threadName);
    }

    private void run() {
        try {
            Duration pause = initialRetry;
            while (running) {
                try {
                    boolean moreWaiting = pass.run();
                    failures.succeeded();
                    pause = initialRetry;
                    if (!moreWaiting) {
                        idle();
                    }
                } catch (RuntimeException e) {
                    if (!running) {
                        return; // close() cut the pass short (e.g. woke a blocking poll): not a failure
                    }
                    failures.failed(e, retrying());
                    rest(pause);
                    pause = pause.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : pause.multipliedBy(2);
                }
            }
        } finally {
            onExit.run();
        }
    }

    private String retrying() {
        return initialRetry.equals(maxRetry) ? "in " + initialRetry : "with pauses growing to " + maxRetry;
    }

    private void idle() {
        if (idleWait == null) {
            return; // back to back: the pass waits by itself
        }
        waitingForSignal = true;
        try {
            // Re-checked after raising the flag, so close() either sees us waiting or we see it.
            if (running) {
                idleWait.await(interval);
            }
        } catch (InterruptedException e) {
            // close() interrupted the wait; the loop condition ends it.
        } finally {
            waitingForSignal = false;
        }
    }

    /** Waits {@code duration} unless closed first. */
    private void rest(Duration duration) {
        try {
            stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // only close() interrupts, and only after stopping
        }
    }

    /** Starts a loop made by {@link Builder#build}; returns at once. */
    public BackgroundLoop start() {
        thread.start();
        return this;
    }

    /** Stops the loop: a wait ends at once; a pass in hand may finish within the stop timeout. */
    @Override
    public void close() {
        running = false;
        stopped.countDown();
        onStop.run();
        if (!thread.isAlive()) {
            if (thread.getState() == Thread.State.NEW) {
                onExit.run(); // never started: release what the loop would have released
            }
            return;
        }
        if (waitingForSignal) {
            thread.interrupt();
        }
        stop.await(atMost -> {
            thread.join(atMost);
            return !thread.isAlive();
        }, thread::interrupt);
    }

    /** Whether the thread still runs (it ends only after {@link #close()}). */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** How a loop runs; {@link #build} builds it. */
    public static final class Builder extends JobBuilder<Builder> {
        private Duration interval;
        private IdleWait idleWait;
        private Duration initialRetry;
        private Duration maxRetry;
        private Runnable onStop = () -> { };
        private Runnable onExit = () -> { };

        private Builder(String name) {
            super(name);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Runs passes back to back while they report more work, then waits on {@code signal} for at
         * most {@code atMost}; a failed pass is retried after {@code atMost} unless {@link #retryAfter} says otherwise.
         */
        public Builder restingOn(IdleWait signal, Duration atMost) {
            this.idleWait = Objects.requireNonNull(signal, "signal");
            this.interval = positive(atMost, "atMost");
            return this;
        }

        /**
         * Runs passes back to back, for a pass that waits by itself (a poll with a timeout); a failed
         * pass is retried after a second unless {@link #retryAfter} says otherwise.
         */
        public Builder backToBack() {
            this.idleWait = null;
            this.interval = Duration.ofSeconds(1);
            return this;
        }

        /** The pause after a failed pass, doubled per further failure up to {@code max}. */
        public Builder retryAfter(Duration initial, Duration max) {
            this.initialRetry = positive(initial, "initial");
            this.maxRetry = positive(max, "max");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max must not be below initial");
            }
            return this;
        }

        /** Run by {@link #close()} to unblock a pass that waits on something else (e.g. a Kafka poll's wakeup). */
        public Builder onStop(Runnable unblock) {
            this.onStop = Objects.requireNonNull(unblock, "unblock");
            return this;
        }

        /** Run last on the loop's own thread (or by close() when it never started): releases what the passes used. */
        public Builder onExit(Runnable release) {
            this.onExit = Objects.requireNonNull(release, "release");
            return this;
        }

        /** Like {@link #build(Pass)}, for passes that never report more work waiting. */
        public BackgroundLoop build(Runnable job) {
            Objects.requireNonNull(job, "job");
            return build(() -> {
                job.run();
                return false;
            });
        }

        /** Builds the loop without starting it ({@link BackgroundLoop#start()}); closing it unstarted runs the exit hook. */
        public BackgroundLoop build(Pass pass) {
            if (interval == null) {
                throw new IllegalStateException("say how the loop waits for work: restingOn(...) or backToBack()");
            }
            return new BackgroundLoop(this, Objects.requireNonNull(pass, "pass"));
        }
    }
}
