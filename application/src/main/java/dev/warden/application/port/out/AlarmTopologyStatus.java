package dev.warden.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the alarm topology runs and, when in this process, what state it is in: for the operators'
 * health details and metrics, never for a decision. Read on every health request and scrape, so it
 * must answer from memory.
 */
@FunctionalInterface
public interface AlarmTopologyStatus {

    /**
     * @param name       the streams client's state, as the library names it ({@code RUNNING},
     *                   {@code REBALANCING}, {@code ERROR}, ...)
     * @param processing true only while it processes events
     * @param since      when it entered that state
     */
    record State(String name, boolean processing, Instant since) {
        public State {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(since, "since");
        }
    }

    /** The state now; empty when the topology does not run in this process. */
    Optional<State> inProcess();

    /** The topology runs elsewhere (WARDEN_STREAMS=off: as its own jar). */
    AlarmTopologyStatus ELSEWHERE = Optional::empty;
}
