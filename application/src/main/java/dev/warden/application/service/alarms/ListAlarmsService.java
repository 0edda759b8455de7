package dev.warden.application.service.alarms;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.application.port.in.alarms.ListAlarmsUseCase;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.domain.Alarm;

/** The Alarms page, for administrators. */
public record ListAlarmsService(AlarmStore alarms) implements ListAlarmsUseCase {

    @Override
    public Page<Alarm> list(AlarmQuery query, Actor actor) {
        actor.requireAdministrator();
        return alarms.list(query);
    }
}
