package dev.warden.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * What a paused Shared Signals stream keeps (WARDEN_SSF_PAUSED_RETENTION, WARDEN_SSF_PAUSED_MAX_EVENTS):
 * SETs queued longer ago than {@code retention} are dropped, and of the rest only the newest
 * {@code maxEvents}. A receiver that pauses and forgets must not grow the database without bound;
 * one that comes back within the limits misses nothing.
 */
public record PausedStreamLimits(Duration retention, long maxEvents) {
    public static final PausedStreamLimits DEFAULTS = new PausedStreamLimits(Duration.ofDays(7), 100_000);

    public PausedStreamLimits {
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("retention must be at least PT1M, was " + retention);
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1, was " + maxEvents);
        }
    }
}
