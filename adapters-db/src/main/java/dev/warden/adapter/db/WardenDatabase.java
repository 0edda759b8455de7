package dev.warden.adapter.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.HistoryRetention;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The composition root's one door to PostgreSQL: connects (a HikariCP pool under Helidon
 * DbClient), migrates the schema with Flyway, and hands out the port adapters, which all share
 * one {@link TransactionBoundary}.
 */
public final class WardenDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final DbClient client;
    private final OutboxNotifications notifications;
    private final JdbcTransactionBoundary transactions;
    private final JdbcSessionStore sessionStore;
    private final JdbcUserAccounts userAccounts;
    private final JdbcAuditTrail auditTrail;
    private final JdbcEventOutbox eventOutbox;
    private final JdbcAlarmStore alarmStore;
    private final JdbcOutboxQueue outboxQueue;
    private final JdbcHistoryRetention historyRetention;
    private final JdbcKnownDevices knownDevices;
    private final JdbcLoginThrottle loginThrottle;

    private WardenDatabase(HikariDataSource dataSource, DbClient client, OutboxNotifications notifications) {
        this.dataSource = dataSource;
        this.client = client;
        this.notifications = notifications;
        this.transactions = new JdbcTransactionBoundary(client);
        this.sessionStore = new JdbcSessionStore(transactions);
        this.userAccounts = new JdbcUserAccounts(transactions);
        this.auditTrail = new JdbcAuditTrail(transactions);
        this.eventOutbox = new JdbcEventOutbox(transactions);
        this.alarmStore = new JdbcAlarmStore(transactions);
        this.outboxQueue = new JdbcOutboxQueue(transactions, notifications);
        this.historyRetention = new JdbcHistoryRetention(transactions);
        this.knownDevices = new JdbcKnownDevices(transactions);
        this.loginThrottle = new JdbcLoginThrottle(transactions);
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
    static WardenDatabase connect(DatabaseSettings settings, Duration relayLeaseTimeout) {
        HikariDataSource dataSource = ConnectionPools.open(settings);
        try {
            SchemaSetup.migrate(dataSource, settings.url());
            DbClient client = JdbcClientBuilder.create()
                    .connectionPool(() -> {
                        try {
                            return dataSource.getConnection();
                        } catch (SQLException e) {
                            throw ConnectionPools.unavailable(settings.url(), e);
                        }
                    })
                    .statements(SqlStatements.load())
                    .build();
            return new WardenDatabase(dataSource, client, new OutboxNotifications(settings, relayLeaseTimeout));
        } catch (RuntimeException | Error e) {
            dataSource.close();
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

    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    /** A cheap {@code select 1}, for readiness checks. */
    public boolean isHealthy() {
        try {
            return client.execute().namedGet("health").isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        notifications.close();
        client.close();
        dataSource.close();
    }
}
