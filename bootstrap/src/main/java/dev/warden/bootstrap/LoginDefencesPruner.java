package dev.warden.bootstrap;

import dev.warden.application.port.in.PruneLoginDefencesUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prunes the login throttle's past windows and expired known devices once per throttle window, so
 * the table holds about two windows' rows; a failed run is logged and the next one tries again.
 */
final class LoginDefencesPruner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LoginDefencesPruner.class.getName());

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("warden-login-defences-pruner").daemon().factory());

    LoginDefencesPruner(PruneLoginDefencesUseCase prune, Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int deleted = prune.pruneOnce();
                if (deleted > 0) {
                    LOG.log(Level.DEBUG, "Pruned {0} login throttle windows and expired devices", deleted);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Pruning the login defences failed; retrying in " + interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
