package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.bootstrap.e2e.TopicTail.Event;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Losing the instance that holds the outbox relay lease, while both instances produce events,
 * loses no event: the other instance takes the lease over and publishes every outbox row to
 * warden.session-events (counted by CloudEvents id; duplicates allowed, at-least-once). The relay
 * instance reaches PostgreSQL through a {@link PostgresProxy}, so it can die the two ways a process
 * dies for PostgreSQL: its sockets close (a crash; the lock goes at once), or it falls silent with
 * its connections open (a freeze or a lost network; the lease ends by idle_session_timeout, 30 s).
 */
class RelayLeaseTakeoverIT {
    private static final String PASSWORD = "a fine long passphrase";
    /** The relay lease's advisory-lock key ("WardenR1"), as pg_locks shows a bigint key. */
    private static final long LEASE_KEY = 0x5761_7264_656E_5231L;

    @Test
    void whenTheRelayInstanceCrashesTheOtherTakesOverAndPublishesEveryEvent() throws InterruptedException {
        long takeover = killTheRelayInstanceWhileEventsAreProduced(PostgresProxy::cut);

        assertTrue(takeover < 15_000, "a crashed holder's lease is taken over in about a second, took " + takeover + " ms");
    }

    @Test
    void whenTheRelayInstanceFreezesTheOtherTakesOverWithinTheLeaseTimeoutAndPublishesEveryEvent()
            throws InterruptedException {
        long takeover = killTheRelayInstanceWhileEventsAreProduced(PostgresProxy::freeze);

        assertTrue(takeover < 45_000, "a silent holder loses its lease within the 30 s lease timeout, took "
                + takeover + " ms");
    }

    /** @return milliseconds from the kill until the other instance held the lease */
    private static long killTheRelayInstanceWhileEventsAreProduced(Consumer<PostgresProxy> kill)
            throws InterruptedException {
        PostgresProxy link = PostgresProxy.to(TestPostgres.url());
        RunningWarden relay = RunningWarden.start(Map.of("WARDEN_DB_URL", link.jdbcUrl(TestPostgres.url()),
                "WARDEN_STREAMS", "off"));
        RunningWarden survivor = null;
        try {
            Eventually.await("the first instance to take the relay lease", Duration.ofSeconds(20),
                    RelayLeaseTakeoverIT::leaseHolderPort, port -> port.filter(link.upstreamPorts()::contains).isPresent());
            survivor = RunningWarden.startAnother(Map.of("WARDEN_STREAMS", "off"));
            String owner = survivor.ownerToken();
            for (String user : List.of("alpha", "bravo")) {
                assertEquals(201, survivor.client().post("/api/admin/users", owner, "{\"username\":\"" + user
                        + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"USER\"}").status());
            }

            Producer onRelay = new Producer(relay.client(), "alpha").start();
            Producer onSurvivor = new Producer(survivor.client(), "bravo").start();
            Thread.sleep(2_000);
            onRelay.stop(); // a dead instance takes no more requests; its relay may still be mid-batch
            assertTrue(onRelay.cycles() > 0 && onSurvivor.cycles() > 0, "both instances produced events");
            kill.accept(link);
            long killedAt = System.nanoTime();
            CompletableFuture<Long> takenOver = CompletableFuture.supplyAsync(() -> {
                Eventually.await("the survivor to take the relay lease", Duration.ofSeconds(90),
                        RelayLeaseTakeoverIT::leaseHolderPort, port -> port.isPresent()
                                && !link.upstreamPorts().contains(port.get()));
                return Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
            }, Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory()));
            Thread.sleep(2_000); // the survivor goes on producing while nobody relays
            onSurvivor.stop();

            long takeover = takenOver.join();
            System.out.println("RelayLeaseTakeoverIT: the survivor held the relay lease " + takeover
                    + " ms after the relay instance was killed");
            Eventually.await("the survivor to publish every pending event", Duration.ofSeconds(60),
                    () -> TestPostgres.queryLong("SELECT count(*) FROM outbox WHERE published_at IS NULL"), n -> n == 0);

            Set<String> written = outboxEventIds();
            assertTrue(written.size() >= 4 * 2, "events were produced: " + written.size());
            try (TopicTail tail = new TopicTail(survivor.app.kafkaBootstrap(), "warden.session-events")) {
                List<Event> seen = tail.until(events -> idsOf(events).containsAll(written), Duration.ofSeconds(60));
                Set<String> missing = new HashSet<>(written);
                missing.removeAll(idsOf(seen));
                assertEquals(Set.of(), missing, "every outbox event is on the topic");
            }
            return takeover;
        } finally {
            link.close(); // a frozen instance's threads wake up and fail fast
            if (survivor != null) {
                survivor.close();
            }
            relay.close();
        }
    }

    /** Logs in and out as one user on one instance, over and over, until stopped. */
    private static final class Producer {
        private final ApiClient api;
        private final String username;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger cycles = new AtomicInteger();
        private final Thread thread;
        private volatile Throwable failure;

        Producer(ApiClient api, String username) {
            this.api = api;
            this.username = username;
            this.thread = Thread.ofPlatform().name("producer-" + username).unstarted(this::run);
        }

        Producer start() {
            thread.start();
            return this;
        }

        private void run() {
            try {
                while (running.get()) {
                    String token = api.login(username, PASSWORD).token();
                    assertEquals(204, api.post("/api/auth/logout", token, null).status());
                    cycles.incrementAndGet();
                }
            } catch (RuntimeException | AssertionError e) {
                failure = e;
            }
        }

        void stop() {
            running.set(false);
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertFalse(thread.isAlive(), "producer " + username + " did not stop");
            if (failure != null) {
                throw new AssertionError("producer " + username + " failed after " + cycles() + " cycles", failure);
            }
        }

        int cycles() {
            return cycles.get();
        }
    }

    private static Set<String> idsOf(List<Event> events) {
        return events.stream().map(e -> e.cloudEvent().path("id").asText()).collect(Collectors.toSet());
    }

    /** Every session event the outbox ever held (this test's database started empty). */
    private static Set<String> outboxEventIds() {
        Set<String> ids = new HashSet<>();
        try (Connection c = TestPostgres.connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT event_id FROM outbox WHERE aggregate_type = 'session'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The client port of the PostgreSQL session holding the relay lease, if anyone holds it. */
    private static Optional<Integer> leaseHolderPort() {
        String sql = "SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND l.classid = " + (LEASE_KEY >>> 32) + " AND l.objid = " + (LEASE_KEY & 0xFFFF_FFFFL)
                + " AND l.objsubid = 1";
        try (Connection c = TestPostgres.connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? Optional.of(rows.getInt(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
