package dev.warden.adapter.db;

import java.time.Duration;
import java.util.Objects;

/**
 * Where PostgreSQL is, how many connections the pools may hold, and how long anything waits for a
 * connection.
 *
 * @param url            a {@code jdbc:postgresql://host:port/database} URL
 * @param password       may be empty (trust authentication); never printed
 * @param poolSize       the work pool (logins, admin pages, relay, sweeper); session validation has
 *                       its own pool of {@link #validationPoolSize()} beside it
 * @param connectTimeout the longest any call waits for a connection (or for a validation query)
 *                       before the database counts as unavailable
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** HikariCP's floor for its timeouts. */
    public static final Duration MIN_CONNECT_TIMEOUT = Duration.ofMillis(250);

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        password = password == null ? "" : password;
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("url must be a jdbc:postgresql: URL, was " + ConnectionUrls.redact(url));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
        if (connectTimeout.compareTo(MIN_CONNECT_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connectTimeout must be at least " + MIN_CONNECT_TIMEOUT);
        }
    }

    public static DatabaseSettings of(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * The validation pool: a third of the work pool, at least 2 (3 by default). A validation holds
     * its connection for one indexed read (well under a millisecond), so a few connections serve
     * thousands of validations a second; being separate, they never wait behind a login.
     */
    public int validationPoolSize() {
        return Math.max(2, poolSize / 3);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + ConnectionUrls.redact(url) + ", user=" + user + ", poolSize=" + poolSize
                + ", validationPoolSize=" + validationPoolSize() + ", connectTimeout=" + connectTimeout + "]";
    }
}
