package dev.warden.application.port.in.operations;

/**
 * Deletes history past its retention: published outbox events, ended sessions, audit entries and
 * resolved alarms. Safe to run on several instances at once.
 */
public interface PurgeExpiredHistoryUseCase {
    /** How many rows one purge deleted, by kind. */
    record Purged(int publishedEvents, int endedSessions, int auditEntries, int resolvedAlarms, int unusedUserAgents) {
        public int total() {
            return publishedEvents + endedSessions + auditEntries + resolvedAlarms + unusedUserAgents;
        }
    }

    /** Deletes everything due now, in bounded batches. */
    Purged purgeOnce();
}
