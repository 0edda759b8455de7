package dev.warden.adapter.db;

import dev.warden.application.port.in.accounts.AccountView;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.out.StoreUnavailable;
import dev.warden.domain.AccountStatus;
import dev.warden.domain.Role;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.TokenHash;
import dev.warden.domain.UserId;
import io.helidon.dbclient.DbStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * The validation hot path's read: the open session of a token hash, with its account. Lookups that
 * arrive together are answered together: one main reader takes every lookup waiting, reads all
 * their sessions in one statement ({@code session-find-open-by-token-hashes},
 * {@code token_hash = ANY(...)}) and answers each one, then takes what arrived meanwhile. A lookup
 * that finds the reader idle goes at once; under load one round trip serves many requests.
 *
 * <p>One reader, not one per connection: with several, each took whatever was waiting the moment it
 * came free, so statements answered 2.7 lookups on average instead of 5, and the database spent
 * twice the CPU per validation (docs/benchmarks.md, "Where validation's time goes"). The other
 * connections of the validation pool belong to spare readers, which step in only while the main
 * reader's statement has taken longer than {@link #STUCK_AFTER}: a stalled connection delays
 * validations by that much, not until the connect timeout.
 *
 * <p>Every statement starts after every lookup of its batch was asked, so a session whose end was
 * committed before a request arrived is never found open for it: the first request after a
 * termination gets 401, on every instance. Plain JDBC, the statement turned into JDBC once, and
 * only the columns validation answers with: never the password hash. A lookup waits at most the
 * connect timeout for its answer, then is {@link StoreUnavailable}.
 */
final class SessionLookup implements AutoCloseable {
    static final String STATEMENT = "session-find-open-by-token-hashes";
    /** Most lookups one statement answers; a longer queue is served by the next statement. */
    static final int MAX_BATCH = 128;
    /** A statement this old is stuck: a spare reader serves the lookups waiting behind it. */
    static final Duration STUCK_AFTER = Duration.ofMillis(50);
    /** How often an idle spare looks whether it is needed. */
    private static final long SPARE_CHECK_NANOS = Duration.ofMillis(10).toNanos();
    private static final long IDLE = Long.MIN_VALUE;

    private final DataSource validationPool;
    private final PositionalSql findByTokenHashes;
    private final long maxWaitNanos;
    private final LinkedBlockingQueue<Lookup> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> readers = new ArrayList<>();
    /** When the main reader's statement started (System.nanoTime), or {@link #IDLE} while it waits for lookups. */
    private volatile long mainBusySince = IDLE;
    private volatile boolean closed;

    private record Lookup(TokenHash tokenHash, CompletableFuture<Optional<AuthenticatedSession>> answer) {
    }

    SessionLookup(DataSource validationPool, DbStatements statements, int readers, Duration maxWait) {
        this.validationPool = validationPool;
        this.findByTokenHashes = PositionalSql.of(statements.statement(STATEMENT));
        this.maxWaitNanos = maxWait.toNanos();
        this.readers.add(Thread.ofPlatform().name("warden-session-lookup").daemon().start(this::mainLoop));
        for (int i = 1; i < readers; i++) {
            this.readers.add(Thread.ofPlatform().name("warden-session-lookup-spare-" + i).daemon().start(this::spareLoop));
        }
    }

    /**
     * @throws StoreUnavailable when no answer came within the connect timeout (the database is
     *                          unreachable or every connection busy)
     */
    Optional<AuthenticatedSession> findOpenByTokenHash(TokenHash tokenHash) {
        if (closed) {
            throw new IllegalStateException("The session lookup is closed");
        }
        Lookup lookup = new Lookup(tokenHash, new CompletableFuture<>());
        waiting.add(lookup);
        try {
            return lookup.answer().get(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new StoreUnavailable(new SQLTransientConnectionException(
                    "No session lookup answered within " + Duration.ofNanos(maxWaitNanos).toMillis() + " ms", e));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            // ConnectionFailures turns a lost connection (or none in time) into StoreUnavailable.
            throw new IllegalStateException("Reading sessions by token hash failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable(e);
        }
    }

    private void mainLoop() {
        List<Lookup> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return; // closed
            }
            mainBusySince = System.nanoTime();
            serve(batch);
            mainBusySince = IDLE;
        }
    }

    private void spareLoop() {
        List<Lookup> batch = new ArrayList<>();
        while (!closed) {
            LockSupport.parkNanos(SPARE_CHECK_NANOS);
            while (!closed && mainReaderStuck()) {
                Lookup first = waiting.poll();
                if (first == null) {
                    break;
                }
                batch.add(first);
                serve(batch);
            }
        }
    }

    /** Every spare serves while the main reader's statement is older than {@link #STUCK_AFTER}. */
    private boolean mainReaderStuck() {
        long since = mainBusySince;
        return since != IDLE && System.nanoTime() - since > STUCK_AFTER.toNanos();
    }

    /** Answers the lookups in the batch and every other one waiting, up to {@link #MAX_BATCH}, then empties it. */
    private void serve(List<Lookup> batch) {
        waiting.drainTo(batch, MAX_BATCH - batch.size());
        try {
            answer(batch);
        } catch (SQLException | RuntimeException | Error e) {
            batch.forEach(lookup -> lookup.answer().completeExceptionally(e));
        } finally {
            batch.clear();
        }
    }

    private void answer(List<Lookup> batch) throws SQLException {
        Object[] hashes = batch.stream().map(lookup -> lookup.tokenHash().value()).distinct().toArray();
        Map<String, AuthenticatedSession> found = new HashMap<>();
        Set<String> shared = new HashSet<>();
        try (Connection connection = validationPool.getConnection();
             PreparedStatement statement = connection.prepareStatement(findByTokenHashes.sql())) {
            findByTokenHashes.bind(statement, Map.of("tokenHashes", connection.createArrayOf("text", hashes)));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    TokenHash tokenHash = new TokenHash(rows.getString("token_hash"));
                    if (found.put(tokenHash.value(), authenticated(rows, tokenHash)) != null) {
                        shared.add(tokenHash.value());
                    }
                }
            }
        }
        // Two open sessions with one token hash (no unique index since V17: it would take a SHA-256
        // collision of 256-bit random tokens): the token opens neither, rather than either one.
        shared.forEach(found::remove);
        for (Lookup lookup : batch) {
            lookup.answer().complete(Optional.ofNullable(found.get(lookup.tokenHash().value())));
        }
    }

    private static AuthenticatedSession authenticated(ResultSet row, TokenHash tokenHash) throws SQLException {
        UserId userId = new UserId(row.getObject("user_id", UUID.class));
        String username = row.getString("username");
        Session session = new Session(
                new SessionId(row.getObject("id", UUID.class)),
                userId,
                username,
                tokenHash,
                row.getString("ip_address"),
                row.getString("user_agent"),
                instant(row, "created_at"),
                instant(row, "last_active_at"),
                instant(row, "expires_at"));
        AccountView account = new AccountView(userId, username, Role.valueOf(row.getString("role")),
                AccountStatus.valueOf(row.getString("status")), instant(row, "user_created_at"));
        return new AuthenticatedSession(session, account);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Stops the readers; lookups still waiting are answered unavailable. */
    @Override
    public void close() {
        closed = true;
        readers.forEach(Thread::interrupt);
        for (Lookup lookup; (lookup = waiting.poll()) != null; ) {
            lookup.answer().completeExceptionally(new StoreUnavailable(new IllegalStateException("closed")));
        }
    }
}
