package dev.warden.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at the precision PostgreSQL keeps, so stored and computed times agree. */
public final class Now {
    private Now() {
    }

    public static Instant of(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
