package dev.warden.application.port.in.alarms;

/** No alarm has this id. */
public final class AlarmNotFound extends RuntimeException {
    public AlarmNotFound(String message) {
        super(message);
    }
}
