package dev.warden.application.port.in.alarms;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.domain.Alarm;

/** The Alarms page. */
public interface ListAlarmsUseCase {
    Page<Alarm> list(AlarmQuery query, Actor actor);
}
