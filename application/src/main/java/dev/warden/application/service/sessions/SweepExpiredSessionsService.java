package dev.warden.application.service.sessions;

import dev.warden.application.port.in.sessions.SweepExpiredSessionsUseCase;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.domain.Session;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Ends sessions that ran out of time, in batches of one transaction each, so that expiry is
 * announced within a sweep interval even if the token is never presented again. Rows locked by
 * another instance's sweep are skipped, so instances never end a session twice.
 */
public record SweepExpiredSessionsService(TransactionBoundary transactions, SessionStore sessions,
        SessionEnding ending, WardenPolicy policy, Clock clock) implements SweepExpiredSessionsUseCase {

    static final int BATCH_SIZE = 500;

    @Override
    public int sweepOnce() {
        int total = 0;
        int ended;
        do {
            ended = transactions.inTransaction(this::sweepBatch);
            total += ended;
        } while (ended == BATCH_SIZE);
        return total;
    }

    private int sweepBatch() {
        Instant now = Now.of(clock);
        List<Session> expired = sessions.lockExpired(ActiveWindow.at(now, policy), BATCH_SIZE);
        for (Session session : expired) {
            session.expiryReasonAt(now, policy).ifPresent(reason -> ending.end(session, reason, null, null, now));
        }
        return expired.size();
    }
}
