package dev.warden.bootstrap;

import dev.warden.application.port.in.PurgeExpiredHistoryUseCase;
import dev.warden.application.port.in.PurgeExpiredHistoryUseCase.Purged;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the retention purge every interval on every instance (the deletes skip each other's rows,
 * so no election is needed). The first run comes after at most a minute, so instances that restart
 * more often than the interval still purge. A failed run is logged and the next one tries again.
 */
final class RetentionJob implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    private static final Duration FIRST_RUN_AT_MOST_AFTER = Duration.ofMinutes(1);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("warden-retention").daemon().factory());

    RetentionJob(PurgeExpiredHistoryUseCase purge, Duration interval) {
        long first = Math.min(interval.toMillis(), FIRST_RUN_AT_MOST_AFTER.toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                Purged purged = purge.purgeOnce();
                if (purged.total() > 0) {
                    LOG.log(Level.INFO, "Retention deleted {0} published outbox events, {1} ended sessions, "
                                    + "{2} audit entries and {3} resolved alarms",
                            purged.publishedEvents(), purged.endedSessions(), purged.auditEntries(),
                            purged.resolvedAlarms());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Retention purge failed; retrying in " + interval, e);
            }
        }, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
