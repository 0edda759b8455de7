package dev.warden.adapter.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.HistoryRetention;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.LoginRecords;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.ReceiverClients;
import dev.warden.application.port.out.SsfFanOutQueue;
import dev.warden.application.port.out.SsfPushSchedule;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import io.helidon.dbclient.DbStatements;
import java.util.List;

/**
 * The composition root's one door to PostgreSQL: connects (two HikariCP pools under Helidon
 * DbClient: the work pool, and a small one of its own for session validation), migrates the
 * schema with Flyway, and hands out the port adapters, which all share one
 * {@link TransactionBoundary}. Every port it hands out throws
 * {@link dev.warden.application.port.out.StoreUnavailable} when the database cannot be reached
 * within the connect timeout or the connection dies; the pools reconnect by themselves once the
 * database is back.
 */
public final class WardenDatabase implements AutoCloseable {
    private final HikariDataSource pool;
    private final HikariDataSource validationPool;
    private final OutboxNotifications notifications;
    private final DbClientTransactionBoundary boundary;
    private final SessionLookup sessionLookup;
    private final ActivityWrites activityWrites;
    private final TransactionBoundary transactions;
    private final SessionStore sessionStore;
    private final UserAccounts userAccounts;
    private final AuditTrail auditTrail;
    private final EventOutbox eventOutbox;
    private final AlarmStore alarmStore;
    private final OutboxQueue outboxQueue;
    private final HistoryRetention historyRetention;
    private final KnownDevices knownDevices;
    private final LoginThrottle loginThrottle;
    private final LoginRecords loginRecords;
    private final OperationalCounts operationalCounts;
    private final ReceiverClients receiverClients;
    private final SsfStreams ssfStreams;
    private final SsfFanOutQueue ssfFanOutQueue;
    private final SsfPushSchedule ssfPushSchedule;

    private WardenDatabase(DatabaseSettings settings, HikariDataSource pool, HikariDataSource validationPool,
                           OutboxNotifications notifications) {
        this.pool = pool;
        this.validationPool = validationPool;
        this.notifications = notifications;
        DbStatements statements = SqlStatements.load();
        this.boundary = new DbClientTransactionBoundary(pool, validationPool, statements);
        this.transactions = ConnectionFailures.translating(TransactionBoundary.class, boundary);
        this.sessionLookup = new SessionLookup(validationPool, statements, settings.validationPoolSize(),
                settings.connectTimeout());
        this.activityWrites = new ActivityWrites(validationPool, statements);
        this.sessionStore = ConnectionFailures.translating(SessionStore.class,
                new DbClientSessionStore(boundary, sessionLookup, activityWrites));
        this.userAccounts = ConnectionFailures.translating(UserAccounts.class, new DbClientUserAccounts(boundary));
        this.auditTrail = ConnectionFailures.translating(AuditTrail.class, new DbClientAuditTrail(boundary));
        this.eventOutbox = ConnectionFailures.translating(EventOutbox.class, new DbClientEventOutbox(boundary));
        this.alarmStore = ConnectionFailures.translating(AlarmStore.class, new DbClientAlarmStore(boundary));
        this.outboxQueue = ConnectionFailures.translating(OutboxQueue.class, new DbClientOutboxQueue(boundary, notifications));
        this.historyRetention = ConnectionFailures.translating(HistoryRetention.class, new DbClientHistoryRetention(boundary));
        this.knownDevices = ConnectionFailures.translating(KnownDevices.class, new DbClientKnownDevices(boundary));
        this.loginThrottle = ConnectionFailures.translating(LoginThrottle.class, new DbClientLoginThrottle(boundary));
        this.loginRecords = ConnectionFailures.translating(LoginRecords.class,
                new DbClientLoginRecords(boundary, statements));
        this.operationalCounts = ConnectionFailures.translating(OperationalCounts.class,
                new DbClientOperationalCounts(boundary));
        this.receiverClients = ConnectionFailures.translating(ReceiverClients.class,
                new DbClientReceiverClients(boundary));
        this.ssfStreams = ConnectionFailures.translating(SsfStreams.class, new DbClientSsfStreams(boundary));
        this.ssfFanOutQueue = ConnectionFailures.translating(SsfFanOutQueue.class,
                new DbClientSsfFanOutQueue(boundary));
        this.ssfPushSchedule = ConnectionFailures.translating(SsfPushSchedule.class,
                new DbClientSsfPushSchedule(boundary));
    }

    /**
     * Connects and migrates.
     *
     * @throws DatabaseUnavailable with a one-line message naming the URL when PostgreSQL cannot be reached
     */
    public static WardenDatabase connect(DatabaseSettings settings) {
        return connect(settings, OutboxNotifications.DEFAULT_LEASE_TIMEOUT);
    }

    /** With a relay lease timeout of its own: tests that take the lease over without waiting 30 s. */
    static WardenDatabase connect(DatabaseSettings settings, java.time.Duration relayLeaseTimeout) {
        try (HikariDataSource migration = ConnectionPools.openMigration(settings)) {
            SchemaSetup.migrate(migration, settings.url());
        }
        HikariDataSource pool = ConnectionPools.openWork(settings);
        HikariDataSource validationPool = null;
        try {
            validationPool = ConnectionPools.openValidation(settings);
            return new WardenDatabase(settings, pool, validationPool, new OutboxNotifications(settings, relayLeaseTimeout));
        } catch (RuntimeException | Error e) {
            if (validationPool != null) {
                validationPool.close();
            }
            pool.close();
            throw e;
        }
    }

    /**
     * Creates the URL's database when it does not exist yet, connecting to the server's
     * {@code postgres} database to do it ({@code ./warden dev} on a fresh server).
     *
     * @throws DatabaseUnavailable when the server cannot be reached
     */
    public static void createDatabaseIfMissing(String url, String user, String password) {
        SchemaSetup.createDatabaseIfMissing(url, user, password);
    }

    public SessionStore sessionStore() {
        return sessionStore;
    }

    public UserAccounts userAccounts() {
        return userAccounts;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public EventOutbox eventOutbox() {
        return eventOutbox;
    }

    public AlarmStore alarmStore() {
        return alarmStore;
    }

    public TransactionBoundary transactions() {
        return transactions;
    }

    public OutboxQueue outboxQueue() {
        return outboxQueue;
    }

    public HistoryRetention historyRetention() {
        return historyRetention;
    }

    public KnownDevices knownDevices() {
        return knownDevices;
    }

    public LoginRecords loginRecords() {
        return loginRecords;
    }

    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    public OperationalCounts operationalCounts() {
        return operationalCounts;
    }

    public ReceiverClients receiverClients() {
        return receiverClients;
    }

    public SsfStreams ssfStreams() {
        return ssfStreams;
    }

    public SsfFanOutQueue ssfFanOutQueue() {
        return ssfFanOutQueue;
    }

    public SsfPushSchedule ssfPushSchedule() {
        return ssfPushSchedule;
    }

    /** The two pools' connection figures ({@code work} and {@code validation}), read each time they are asked for. */
    public List<PoolConnections> connectionPools() {
        return List.of(new PoolConnections("work", pool), new PoolConnections("validation", validationPool));
    }

    /** A cheap {@code select 1}, for readiness checks; false within the connect timeout when unreachable. */
    public boolean isHealthy() {
        return boundary.answers();
    }

    /** Writes the activity noted so far now, not at the next flush (tests that read it back at once). */
    void flushActivity() {
        activityWrites.flush();
    }

    @Override
    public void close() {
        notifications.close();
        sessionLookup.close();
        activityWrites.close();
        boundary.close();
        validationPool.close();
        pool.close();
    }
}
