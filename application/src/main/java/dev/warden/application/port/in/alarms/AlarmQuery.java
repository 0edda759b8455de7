package dev.warden.application.port.in.alarms;

import dev.warden.application.port.in.PageRequest;
import dev.warden.domain.Alarm;
import java.util.Objects;

/** Alarms with one status, or all; newest first. */
public record AlarmQuery(PageRequest page, Alarm.Status status) {
    public AlarmQuery {
        Objects.requireNonNull(page, "page");
    }
}
