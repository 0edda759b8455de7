package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.warden.application.contract.Ports;
import dev.warden.application.port.in.sessions.AuthenticatedSession;
import dev.warden.application.port.out.StoreUnavailable;
import dev.warden.domain.Account;
import dev.warden.domain.Session;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one main reader and its spares, against PostgreSQL, with the first statement made to hang. */
class SessionLookupIT {
    private static final Duration MAX_WAIT = Duration.ofSeconds(3);

    private Session first;
    private Session second;
    private final CountDownLatch hanging = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void twoSessions() {
        Ports ports = TestDatabase.freshPorts();
        Account alice = anAccount("Alice").build();
        ports.accounts().insert(alice);
        first = aSession(alice).build();
        second = aSession(alice).build();
        ports.sessions().insert(first);
        ports.sessions().insert(second);
    }

    @Test
    void givenTheMainReadersStatementHangs_whenAnotherValidationArrives_thenASpareAnswersIt() throws Exception {
        try (HikariDataSource pool = ConnectionPools.openValidation(TestDatabase.settings(10, MAX_WAIT));
             SessionLookup lookup = new SessionLookup(firstConnectionHangs(pool), SqlStatements.load(), 3, MAX_WAIT)) {
            CompletableFuture<Optional<AuthenticatedSession>> stuck = lookUpFirstWhileItHangs(lookup);

            // One validation after another, all while the main reader's statement hangs.
            for (int i = 0; i < 20; i++) {
                Optional<AuthenticatedSession> answered = lookup.findOpenByTokenHash(second.tokenHash());
                assertEquals(second, answered.orElseThrow().session());
            }
            assertFalse(stuck.isDone(), "the hanging statement is still waiting");
            release.countDown();
            assertEquals(first, stuck.get(5, TimeUnit.SECONDS).orElseThrow().session());
        }
    }

    @Test
    void givenNoSpare_whenTheOnlyStatementHangs_thenTheNextValidationIsUnavailableAfterTheWait() throws Exception {
        try (HikariDataSource pool = ConnectionPools.openValidation(TestDatabase.settings(10, MAX_WAIT));
             SessionLookup lookup = new SessionLookup(firstConnectionHangs(pool), SqlStatements.load(), 1, MAX_WAIT)) {
            CompletableFuture<Optional<AuthenticatedSession>> stuck = lookUpFirstWhileItHangs(lookup);

            // What the spares are for: without one, everything waits behind the hanging statement.
            assertThrows(StoreUnavailable.class, () -> lookup.findOpenByTokenHash(second.tokenHash()));
            release.countDown();
            // The hanging lookup waited as long, and was answered unavailable or late; the reader goes on.
            stuck.handle((answer, failure) -> null).get(5, TimeUnit.SECONDS);
            assertEquals(second, lookup.findOpenByTokenHash(second.tokenHash()).orElseThrow().session());
        }
    }

    @Test
    void givenTwoOpenSessionsWithOneTokenHash_whenLookedUp_thenTheTokenOpensNeither() throws Exception {
        // V17 dropped the unique token index for a hash index; a collision of 256-bit random tokens
        // should never happen, and if it does the token must not open someone's session at random.
        Ports ports = TestDatabase.freshPorts();
        Account alice = anAccount("Alice").build();
        Account bob = anAccount("Bob").build();
        ports.accounts().insert(alice);
        ports.accounts().insert(bob);
        Session alices = aSession(alice).build();
        Session bobs = aSession(bob).withTokenHash(alices.tokenHash()).build();
        Session bobsOther = aSession(bob).build();
        ports.sessions().insert(alices);
        ports.sessions().insert(bobs);
        ports.sessions().insert(bobsOther);
        try (HikariDataSource pool = ConnectionPools.openValidation(TestDatabase.settings(10, MAX_WAIT));
             SessionLookup lookup = new SessionLookup(pool, SqlStatements.load(), 1, MAX_WAIT)) {
            assertTrue(lookup.findOpenByTokenHash(alices.tokenHash()).isEmpty());
            assertEquals(bobsOther, lookup.findOpenByTokenHash(bobsOther.tokenHash()).orElseThrow().session());
        }
    }

    /** Asks for the first session, and returns once the statement for it hangs. */
    private CompletableFuture<Optional<AuthenticatedSession>> lookUpFirstWhileItHangs(SessionLookup lookup)
            throws InterruptedException {
        CompletableFuture<Optional<AuthenticatedSession>> stuck =
                CompletableFuture.supplyAsync(() -> lookup.findOpenByTokenHash(first.tokenHash()));
        assertTrue(hanging.await(5, TimeUnit.SECONDS));
        return stuck;
    }

    /** The pool, except that the first connection asked for is handed out only once the test releases it. */
    private DataSource firstConnectionHangs(DataSource pool) {
        AtomicBoolean firstCall = new AtomicBoolean(true);
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && firstCall.getAndSet(false)) {
                        hanging.countDown();
                        Latches.await(release);
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
