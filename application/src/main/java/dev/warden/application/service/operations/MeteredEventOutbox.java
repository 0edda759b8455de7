package dev.warden.application.service.operations;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.TerminationReason;

/**
 * The outbox with session ends counted. Every way a session ends writes its event here, inside the
 * transaction that ends it, so counting at this one door covers every use case (including ones
 * added later) and counts an end only once that transaction has committed.
 */
public final class MeteredEventOutbox implements EventOutbox {
    private final EventOutbox outbox;
    private final TransactionBoundary transactions;
    private final WardenMetrics metrics;

    public MeteredEventOutbox(EventOutbox outbox, TransactionBoundary transactions, WardenMetrics metrics) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    @Override
    public void append(OutboxEvent event) {
        outbox.append(event);
        if (event instanceof SessionEvent session && session.isEnd()) {
            TerminationReason reason = session.reason();
            transactions.afterCommit(() -> metrics.sessionEnded(reason));
        }
    }
}
