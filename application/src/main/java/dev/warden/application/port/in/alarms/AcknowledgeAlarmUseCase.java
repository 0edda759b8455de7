package dev.warden.application.port.in.alarms;

import dev.warden.application.port.in.Actor;
import java.util.UUID;

/** An administrator notes that an alarm has been looked at. */
public interface AcknowledgeAlarmUseCase {
    /** @throws AlarmNotFound when no alarm has this id */
    void acknowledge(UUID alarmId, Actor actor);
}
