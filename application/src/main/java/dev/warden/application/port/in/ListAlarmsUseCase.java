package dev.warden.application.port.in;

import dev.warden.domain.Alarm;

/** The Alarms page. */
public interface ListAlarmsUseCase {
    Page<Alarm> list(AlarmQuery query, Actor actor);
}
