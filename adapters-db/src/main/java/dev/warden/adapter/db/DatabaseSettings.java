package dev.warden.adapter.db;

import java.util.Objects;

/**
 * Where PostgreSQL is and how many connections the pool may hold.
 *
 * @param url      a {@code jdbc:postgresql://host:port/database} URL
 * @param password may be empty (trust authentication); never printed
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("url must be a jdbc:postgresql: URL, was " + ConnectionUrls.redact(url));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
    }

    public static DatabaseSettings of(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, DEFAULT_POOL_SIZE);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + ConnectionUrls.redact(url) + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
