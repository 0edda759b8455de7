package dev.warden.application.service.alarms;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.alarms.AcknowledgeAlarmUseCase;
import dev.warden.application.port.in.alarms.AlarmNotFound;
import dev.warden.application.port.in.alarms.RecordAlarmEventUseCase;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.SsfFanOutQueue;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.domain.Alarm;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.RiskChange;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Alarm events from the topology go into the store; administrators acknowledge them there, and
 * each acknowledgement is audited (ALARM_ACKNOWLEDGED, naming the alarm's user) with it. A raise or
 * resolve that changed the alarm is also kept, in the same transaction, as a risk change for the
 * Shared Signals fan-out: a redelivered alarm event changes nothing, so it is told once.
 */
public final class AlarmService implements RecordAlarmEventUseCase, AcknowledgeAlarmUseCase {
    private final TransactionBoundary transactions;
    private final AlarmStore alarms;
    private final AuditTrail audit;
    private final SsfFanOutQueue fanOut;
    private final Clock clock;

    public AlarmService(TransactionBoundary transactions, AlarmStore alarms, AuditTrail audit, SsfFanOutQueue fanOut,
            Clock clock) {
        this.transactions = transactions;
        this.alarms = alarms;
        this.audit = audit;
        this.fanOut = fanOut;
        this.clock = clock;
    }

    @Override
    public void record(AlarmEvent event) {
        transactions.run(() -> {
            if (alarms.apply(event)) {
                fanOut.appendRiskChange(RiskChange.of(event));
            }
        });
    }

    @Override
    public void acknowledge(UUID alarmId, Actor actor) {
        actor.requireAdministrator();
        transactions.run(() -> {
            Instant now = Now.of(clock);
            Alarm alarm = alarms.acknowledge(alarmId, now, actor.username())
                    .orElseThrow(() -> new AlarmNotFound("No alarm has id " + alarmId + "."));
            audit.append(AuditEntry.of(AuditType.ALARM_ACKNOWLEDGED, now)
                    .withUser(alarm.userId(), alarm.username())
                    .withActor(actor.id(), actor.username())
                    .withReason("alarm " + alarm.id() + " (" + alarm.type() + ", " + alarm.distinctIps()
                            + " IPs, " + alarm.status() + ")"));
        });
    }
}
