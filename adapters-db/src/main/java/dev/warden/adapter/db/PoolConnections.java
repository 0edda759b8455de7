package dev.warden.adapter.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.Objects;

/**
 * One connection pool's figures, read from HikariCP each time they are asked for (a scrape): cheap
 * counters of the pool's own, no database work. For metrics; the pool itself stays inside this module.
 */
public final class PoolConnections {
    private final String name;
    private final HikariDataSource pool;

    PoolConnections(String name, HikariDataSource pool) {
        this.name = Objects.requireNonNull(name, "name");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** {@code work} (everything but session validation) or {@code validation} (the hot path's own pool). */
    public String name() {
        return name;
    }

    /** Connections lent out now. */
    public int active() {
        HikariPoolMXBean figures = pool.getHikariPoolMXBean();
        return figures == null ? 0 : figures.getActiveConnections();
    }

    /** Connections open and waiting in the pool. */
    public int idle() {
        HikariPoolMXBean figures = pool.getHikariPoolMXBean();
        return figures == null ? 0 : figures.getIdleConnections();
    }

    /** Callers waiting for a connection now (each waits at most the connect timeout). */
    public int pending() {
        HikariPoolMXBean figures = pool.getHikariPoolMXBean();
        return figures == null ? 0 : figures.getThreadsAwaitingConnection();
    }

    /** The most connections the pool opens (WARDEN_DB_POOL_SIZE, or the validation pool's share of it). */
    public int max() {
        return pool.getMaximumPoolSize();
    }
}
