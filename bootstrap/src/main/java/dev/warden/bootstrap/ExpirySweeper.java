package dev.warden.bootstrap;

import dev.warden.application.port.in.SweepExpiredSessionsUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the expiry sweep every interval; a failed sweep is logged and the next one tries again. */
final class ExpirySweeper implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ExpirySweeper.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("warden-expiry-sweeper").daemon().factory());

    ExpirySweeper(SweepExpiredSessionsUseCase sweep, Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int ended = sweep.sweepOnce();
                if (ended > 0) {
                    LOG.log(Level.DEBUG, "Ended {0} expired sessions", ended);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Expiry sweep failed; retrying in " + interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
