package dev.warden.application.service;

import dev.warden.application.port.in.AcknowledgeAlarmUseCase;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.AlarmNotFound;
import dev.warden.application.port.in.RecordAlarmEventUseCase;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.domain.AlarmEvent;
import java.time.Clock;
import java.util.UUID;

/** Alarm events from the topology go into the store; administrators acknowledge them there. */
public final class AlarmService implements RecordAlarmEventUseCase, AcknowledgeAlarmUseCase {
    private final AlarmStore alarms;
    private final Clock clock;

    public AlarmService(AlarmStore alarms, Clock clock) {
        this.alarms = alarms;
        this.clock = clock;
    }

    @Override
    public void record(AlarmEvent event) {
        alarms.apply(event);
    }

    @Override
    public void acknowledge(UUID alarmId, Actor actor) {
        actor.requireAdministrator();
        if (!alarms.acknowledge(alarmId, Now.of(clock), actor.username())) {
            throw new AlarmNotFound("No alarm has id " + alarmId + ".");
        }
    }
}
