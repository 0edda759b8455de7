package dev.warden.application.port.out;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.domain.Alarm;
import dev.warden.domain.AlarmEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The Alarms page's data, fed from the alarm topic. */
public interface AlarmStore {
    /**
     * Records a raise or resolve. Idempotent by alarm id: a repeated raise changes nothing, and a
     * resolve that arrives before its raise leaves a resolved alarm.
     *
     * @return whether the event changed anything (false for a repeat, and for a raise after its resolve)
     */
    boolean apply(AlarmEvent event);

    /** Newest first. */
    Page<Alarm> list(AlarmQuery query);

    /**
     * Notes the acknowledgement; the first one is kept.
     *
     * @return the alarm as it is now, or empty when there is no such alarm
     */
    Optional<Alarm> acknowledge(UUID alarmId, Instant at, String acknowledgedBy);
}
