package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.TransactionBoundaryContract;
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
}
