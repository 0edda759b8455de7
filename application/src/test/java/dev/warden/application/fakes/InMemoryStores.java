package dev.warden.application.fakes;

import dev.warden.application.contract.Ports;
import java.time.Clock;

/**
 * Every in-memory store over one {@link InMemoryTransactions}, the way the database adapter gives
 * the real ones: what the use-case tests run on and what the port contracts check.
 */
public final class InMemoryStores {
    public final InMemoryTransactions transactions = new InMemoryTransactions();
    public final InMemoryUserAccounts accounts = new InMemoryUserAccounts(transactions);
    public final InMemorySessionStore sessions = new InMemorySessionStore(accounts, transactions);
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail(transactions);
    public final InMemoryAlarmStore alarms = new InMemoryAlarmStore(transactions);
    public final InMemoryKnownDevices devices = new InMemoryKnownDevices(transactions);
    public final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle();
    public final InMemoryLoginRecords loginRecords = new InMemoryLoginRecords(accounts, devices, throttle, sessions);
    public final InMemoryReceiverClients receivers = new InMemoryReceiverClients(transactions);
    public final InMemorySsfStreams streams = new InMemorySsfStreams(transactions);
    public final InMemoryOutbox outbox;
    public final InMemoryOperationalCounts counts;
    public final InMemoryHistoryRetention retention;

    /** Stores whose outbox tells the real time of writing and publishing. */
    public InMemoryStores() {
        this(Clock.systemUTC());
    }

    /** @param clock when the outbox says a row was written and published */
    public InMemoryStores(Clock clock) {
        outbox = new InMemoryOutbox(clock, transactions);
        counts = new InMemoryOperationalCounts(outbox, alarms, sessions);
        retention = new InMemoryHistoryRetention(outbox, sessions, audit, alarms);
        accounts.countSessionsWith(sessions::active);
    }

    /** The stores as the port contracts take them. */
    public Ports ports() {
        return new Ports(sessions, accounts, audit, outbox, alarms, transactions, outbox, devices, throttle, counts,
                receivers, streams);
    }
}
