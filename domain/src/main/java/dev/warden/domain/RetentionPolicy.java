package dev.warden.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long history is kept before the retention job deletes it. Only history goes: an event is
 * deleted only after it was published, a session only after it ended, an alarm only after it was
 * resolved. Resolved alarms are security history like the audit log and share its retention.
 *
 * @param publishedEvents outbox rows, counted from when the broker acknowledged them
 * @param endedSessions   session rows, counted from when the session ended (the database drops
 *                        them a whole day at a time, so keeps them up to a day longer)
 * @param auditEntries    audit entries (by when they happened) and resolved alarms (by when they resolved)
 */
public record RetentionPolicy(Duration publishedEvents, Duration endedSessions, Duration auditEntries) {

    public static final RetentionPolicy DEFAULTS = new RetentionPolicy(
            Duration.ofHours(24), Duration.ofDays(30), Duration.ofDays(365));

    public RetentionPolicy {
        requirePositive(publishedEvents, "publishedEvents");
        requirePositive(endedSessions, "endedSessions");
        requirePositive(auditEntries, "auditEntries");
    }

    /** Published events older than this instant are due. */
    public Instant publishedEventsCutoff(Instant now) {
        return now.minus(publishedEvents);
    }

    /** Sessions that ended before this instant are due. */
    public Instant endedSessionsCutoff(Instant now) {
        return now.minus(endedSessions);
    }

    /** Audit entries that happened, and alarms that resolved, before this instant are due. */
    public Instant auditCutoff(Instant now) {
        return now.minus(auditEntries);
    }

    private static void requirePositive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration, was " + value);
        }
    }
}
