package dev.warden.adapter.db;

import dev.warden.application.port.out.AlarmStore;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;

/** The adapters a contract runs against, all sharing one transaction boundary. */
record Ports(SessionStore sessions, UserAccounts accounts, AuditTrail audit, EventOutbox outbox,
             AlarmStore alarms, TransactionBoundary transactions, OutboxQueue queue, KnownDevices devices,
             LoginThrottle throttle) {

    static Ports of(WardenDatabase database) {
        return new Ports(database.sessionStore(), database.userAccounts(), database.auditTrail(),
                database.eventOutbox(), database.alarmStore(), database.transactions(), database.outboxQueue(),
                database.knownDevices(), database.loginThrottle());
    }
}
