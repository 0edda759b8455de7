package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.domain.Account;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.Session;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.testdata.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every TransactionBoundary must do: all or nothing, nested calls joining the outer one. */
public abstract class TransactionBoundaryContract extends PortContract {
    protected TransactionBoundary transactions;
    protected Account alice;

    @BeforeEach
    void setUpTransactions() {
        transactions = ports.transactions();
        alice = anAccount("alice").build();
        ports.accounts().insert(alice);
    }

    @Test
    void givenWorkThatSucceeds_whenRun_thenSessionAuditAndEventAreAllThereAndTheResultReturned() {
        Session session = aSession(alice).build();

        String result = transactions.inTransaction(() -> {
            loginWrites(session);
            return "done";
        });

        assertEquals("done", result);
        assertTrue(ports.sessions().findOpenByTokenHash(session.tokenHash()).isPresent());
        assertEquals(1, ports.audit().list(AuditQuery.all(PageRequest.FIRST)).total());
        assertEquals(1, ports.queue().oldestUnpublished(10).size());
    }

    @Test
    void givenWorkThatThrowsAfterWriting_whenRun_thenNeitherSessionNorAuditNorEventRemains() {
        Session session = aSession(alice).build();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
            loginWrites(session);
            throw new IllegalStateException("broker down");
        }));

        assertEquals("broker down", thrown.getMessage());
        assertTrue(ports.sessions().findOpenByTokenHash(session.tokenHash()).isEmpty());
        assertEquals(0, ports.audit().list(AuditQuery.all(PageRequest.FIRST)).total());
        assertTrue(ports.queue().oldestUnpublished(10).isEmpty());
    }

    @Test
    void givenNestedTransaction_whenTheOuterFails_thenTheInnerWritesRollBackToo() {
        Session session = aSession(alice).build();

        assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
            transactions.run(() -> loginWrites(session));
            throw new IllegalStateException("outer fails");
        }));

        assertTrue(ports.sessions().findOpenByTokenHash(session.tokenHash()).isEmpty());
    }

    @Test
    void writingAtCommit_givenWorkThatSucceeds_thenEveryWriteIsThere_andAReadInsideSawTheWritesBeforeIt() {
        Session session = aSession(alice).build();

        int seenInside = transactions.inTransactionWritingAtCommit(() -> {
            loginWrites(session);
            // A read after held-back writes sees them (they are sent before it).
            int active = ports.sessions().countActiveByUser(alice.id(),
                    dev.warden.application.port.out.ActiveWindow.at(NOW, dev.warden.domain.WardenPolicy.DEFAULTS));
            ports.audit().append(AuditEntry.of(AuditType.LOGOUT, NOW).withUser(alice.id(), alice.username()));
            return active;
        });

        assertEquals(1, seenInside);
        assertTrue(ports.sessions().findOpenByTokenHash(session.tokenHash()).isPresent());
        assertEquals(2, ports.audit().list(AuditQuery.all(PageRequest.FIRST)).total());
        assertEquals(1, ports.queue().oldestUnpublished(10).size());
    }

    @Test
    void writingAtCommit_givenWorkThatThrowsAfterWriting_thenNothingRemains() {
        Session session = aSession(alice).build();

        assertThrows(IllegalStateException.class, () -> transactions.inTransactionWritingAtCommit(() -> {
            loginWrites(session);
            throw new IllegalStateException("broker down");
        }));

        assertTrue(ports.sessions().findOpenByTokenHash(session.tokenHash()).isEmpty());
        assertEquals(0, ports.audit().list(AuditQuery.all(PageRequest.FIRST)).total());
    }

    @Test
    void givenWorkWithoutDatabaseCalls_whenRun_thenItSimplyReturns() {
        assertEquals(42, transactions.inTransaction(() -> 42));
    }

    @Test
    void givenAnAfterCommitAction_whenTheWorkCommits_thenItRunsAfterwardsAndOnce() {
        Session session = aSession(alice).build();
        java.util.List<Boolean> sawCommitted = new java.util.ArrayList<>();

        transactions.run(() -> {
            loginWrites(session);
            transactions.afterCommit(() -> sawCommitted.add(java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> ports.sessions().findOpenByTokenHash(session.tokenHash()).isPresent())
                    .join()));
            assertTrue(sawCommitted.isEmpty(), "not before the commit");
        });

        assertEquals(java.util.List.of(true), sawCommitted, "once, when another connection already sees the work");
    }

    @Test
    void givenAnAfterCommitAction_whenTheWorkRollsBack_thenItNeverRuns() {
        java.util.List<String> ran = new java.util.ArrayList<>();

        assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
            loginWrites(aSession(alice).build());
            transactions.run(() -> transactions.afterCommit(() -> ran.add("inner")));
            transactions.afterCommit(() -> ran.add("outer"));
            throw new IllegalStateException("rolled back");
        }));
        transactions.run(() -> loginWrites(aSession(alice).build()));

        assertEquals(java.util.List.of(), ran, "not then, and not with the next transaction either");
    }

    @Test
    void givenANestedTransaction_thenItsAfterCommitActionWaitsForTheOuterCommit() {
        java.util.List<String> ran = new java.util.ArrayList<>();

        transactions.run(() -> {
            transactions.run(() -> {
                loginWrites(aSession(alice).build());
                transactions.afterCommit(() -> ran.add("inner"));
            });
            assertTrue(ran.isEmpty(), "the inner call committed nothing by itself");
        });

        assertEquals(java.util.List.of("inner"), ran);
    }

    @Test
    void givenNoTransaction_thenAnAfterCommitActionRunsAtOnce() {
        java.util.List<String> ran = new java.util.ArrayList<>();

        transactions.afterCommit(() -> ran.add("now"));

        assertEquals(java.util.List.of("now"), ran);
    }

    @Test
    void givenAnAfterCommitActionThatThrows_thenTheCommittedWorkStandsAndTheCallerSeesNoError() {
        Session session = aSession(alice).build();

        transactions.run(() -> {
            loginWrites(session);
            transactions.afterCommit(() -> {
                throw new IllegalStateException("a metrics bug");
            });
        });

        assertTrue(ports.sessions().findOpenByTokenHash(session.tokenHash()).isPresent());
    }

    private void loginWrites(Session session) {
        ports.sessions().insert(session);
        ports.audit().append(AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW).withUser(alice.id(), alice.username())
                .withSession(session.id()));
        ports.outbox().append(SessionEvent.created(session, TestData.FIREFOX_ON_LINUX, NOW));
    }
}
