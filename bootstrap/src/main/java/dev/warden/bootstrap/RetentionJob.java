package dev.warden.bootstrap;

import dev.warden.application.port.in.operations.PurgeExpiredHistoryUseCase;
import dev.warden.application.port.in.operations.PurgeExpiredHistoryUseCase.Purged;
import dev.warden.application.support.FixedDelayJob;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Runs the retention purge every interval on every instance (the deletes skip each other's rows,
 * so no election is needed). The first run comes after at most a minute, so instances that restart
 * more often than the interval still purge. A failed run is logged and the next one tries again.
 */
final class RetentionJob {
    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    private static final Duration FIRST_RUN_AT_MOST_AFTER = Duration.ofMinutes(1);

    private RetentionJob() {
    }

    /** Starts the job on its own thread; closing it stops it. */
    static FixedDelayJob start(PurgeExpiredHistoryUseCase purge, Duration interval) {
        return FixedDelayJob.named("warden-retention").logTo(LOG).every(interval)
                .firstPassAfter(interval.compareTo(FIRST_RUN_AT_MOST_AFTER) < 0 ? interval : FIRST_RUN_AT_MOST_AFTER)
                .describeFailures(e -> "retention purge failed (" + e.getMessage() + ")")
                .start(() -> {
                    Purged purged = purge.purgeOnce();
                    if (purged.total() > 0) {
                        LOG.log(Level.INFO, "Retention deleted {0} published outbox events, {1} ended sessions, "
                                        + "{2} audit entries, {3} resolved alarms and {4} user agents no session uses",
                                purged.publishedEvents(), purged.endedSessions(), purged.auditEntries(),
                                purged.resolvedAlarms(), purged.unusedUserAgents());
                    }
                });
    }
}
