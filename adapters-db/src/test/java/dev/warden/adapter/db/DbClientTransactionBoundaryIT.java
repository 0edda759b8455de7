package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.TransactionBoundaryContract;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.Session;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DbClientTransactionBoundaryIT extends TransactionBoundaryContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }

    /** Isolation between connections: the in-memory stores run one transaction at a time instead. */
    @Test
    void givenOpenTransaction_whenAnotherThreadReads_thenItSeesNothingUntilCommit() {
        Session session = aSession(alice).build();

        transactions.run(() -> {
            ports.sessions().insert(session);
            boolean seenOutside = CompletableFuture
                    .supplyAsync(() -> ports.sessions().findOpenByTokenHash(session.tokenHash()).isPresent())
                    .join();
            assertEquals(false, seenOutside);
            // Inside, the transaction's own reads see it (the token lookup always reads on its own).
            assertTrue(ports.sessions().lockOpenById(session.id()).isPresent());
        });

        assertTrue(ports.sessions().findOpenByTokenHash(session.tokenHash()).isPresent());
    }

    /** The in-memory stores refuse nothing of the kind; PostgreSQL refuses a second session with the same id. */
    @Test
    void writingAtCommit_givenAWriteTheStoreRefuses_thenTheCallThrowsAndNoneOfTheWritesRemains() {
        Session session = aSession(alice).build();
        ports.sessions().insert(session);

        assertThrows(RuntimeException.class, () -> transactions.inTransactionWritingAtCommit(() -> {
            ports.audit().append(AuditEntry.of(AuditType.LOGIN_SUCCEEDED, NOW).withUser(alice.id(), alice.username()));
            ports.sessions().insert(session); // the same id again
            return null;
        }));

        assertEquals(0, ports.audit().list(AuditQuery.all(PageRequest.FIRST)).total());
        // And the boundary still works afterwards (no connection left in a failed transaction).
        transactions.inTransactionWritingAtCommit(() -> {
            ports.audit().append(AuditEntry.of(AuditType.LOGOUT, NOW).withUser(alice.id(), alice.username()));
            return null;
        });
        assertEquals(1, ports.audit().list(AuditQuery.all(PageRequest.FIRST)).total());
    }
}
