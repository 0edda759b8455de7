package dev.warden.application.contract;

import dev.warden.application.port.out.AlarmStore;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.ReceiverClients;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;

/**
 * The outgoing ports a contract runs against, all over one store and sharing one transaction
 * boundary: what the PostgreSQL adapters give, or the in-memory fakes.
 */
public record Ports(SessionStore sessions, UserAccounts accounts, AuditTrail audit, EventOutbox outbox,
                    AlarmStore alarms, TransactionBoundary transactions, OutboxQueue queue, KnownDevices devices,
                    LoginThrottle throttle, OperationalCounts counts, ReceiverClients receivers,
                    SsfStreams streams) {
}
