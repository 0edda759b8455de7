package dev.warden.adapter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pool figures the metrics show, against a real pool: what is lent out, what waits, what is waited for. */
class PoolConnectionsIT {

    @Test
    void theServiceHasAWorkPoolAndAValidationPool() {
        List<PoolConnections> pools = TestDatabase.get().connectionPools();

        assertEquals(List.of("work", "validation"), pools.stream().map(PoolConnections::name).toList());
        for (PoolConnections pool : pools) {
            assertTrue(pool.max() >= 1, pool.name());
            assertTrue(pool.active() + pool.idle() <= pool.max(), pool.name());
        }
    }

    @Test
    void givenEveryConnectionLentOut_thenTheNextCallerIsPendingUntilOneComesBack() throws Exception {
        try (HikariDataSource dataSource = ConnectionPools.openWork(TestDatabase.settings(2, Duration.ofSeconds(10)))) {
            PoolConnections pool = new PoolConnections("work", dataSource);
            assertEquals(2, pool.max());
            assertEquals(0, pool.active());
            assertEquals(0, pool.pending());

            Connection one = dataSource.getConnection();
            Connection two = dataSource.getConnection();
            assertEquals(2, pool.active());
            assertEquals(0, pool.idle());
            CompletableFuture<Connection> third = CompletableFuture.supplyAsync(() -> {
                try {
                    return dataSource.getConnection();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitPending(pool, 1);
            one.close();
            try (Connection got = third.get(5, TimeUnit.SECONDS)) {
                assertEquals(0, pool.pending());
                assertEquals(2, pool.active());
            }
            two.close();
            assertEquals(0, pool.active());
            assertEquals(2, pool.idle());
        }
    }

    private static void awaitPending(PoolConnections pool, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (pool.pending() != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertEquals(expected, pool.pending(), "callers waiting for a connection");
    }
}
