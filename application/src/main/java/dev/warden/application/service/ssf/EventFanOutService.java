package dev.warden.application.service.ssf;

import dev.warden.application.port.in.ssf.FanOutEventsUseCase;
import dev.warden.application.port.out.SsfFanOutQueue;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.service.Now;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.RiskChange;
import dev.warden.domain.SsfSignal;
import dev.warden.domain.SsfSignals;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import dev.warden.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the outbox (where session and account events are written with their change) and the
 * waiting risk changes (written with the alarm's change), and queues each one's SET on every stream
 * that wants it. The SETs and the events' "fanned out" marks commit
 * in one transaction, so across restarts, Kafka outages and several instances every stream gets each
 * event once: a batch that fails is retried whole, and a batch another instance holds is skipped.
 */
public final class EventFanOutService implements FanOutEventsUseCase {
    /** Events per transaction: a bounded time holding their row locks. */
    static final int BATCH = 200;

    private final TransactionBoundary transactions;
    private final SsfFanOutQueue outbox;
    private final SsfStreams streams;
    private final Clock clock;

    public EventFanOutService(TransactionBoundary transactions, SsfFanOutQueue outbox, SsfStreams streams,
            Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.streams = streams;
        this.clock = clock;
    }

    @Override
    public int fanOutOnce(String issuer) {
        return transactions.inTransaction(() -> {
            List<OutboxEvent> events = outbox.claimNotFannedOut(BATCH);
            List<RiskChange> risks = outbox.claimRiskChanges(BATCH);
            if (events.isEmpty() && risks.isEmpty()) {
                return 0;
            }
            Recipients recipients = new Recipients(streams, Now.of(clock));
            events.forEach(event -> SsfSignals.of(event, issuer).ifPresent(recipients::queue));
            risks.forEach(risk -> recipients.queue(SsfSignals.of(risk, issuer)));
            outbox.markFannedOut(events.stream().map(OutboxEvent::eventId).toList());
            outbox.removeRiskChanges(risks.stream().map(RiskChange::eventId).toList());
            return events.size() + risks.size();
        });
    }

    /** The streams that keep events, read once per batch, each with its removed subjects read when first needed. */
    private static final class Recipients {
        private final SsfStreams streams;
        private final Instant now;
        private final List<SsfStream> keeping;
        private final Map<SsfStreamId, List<UserId>> excluded = new HashMap<>();

        Recipients(SsfStreams streams, Instant now) {
            this.streams = streams;
            this.now = now;
            this.keeping = streams.listAll().stream().filter(s -> s.status().keepsEvents()).toList();
        }

        void queue(SsfSignal signal) {
            for (SsfStream stream : keeping) {
                if (signal.wantedBy(stream, excluded.computeIfAbsent(stream.id(), streams::excludedSubjects))) {
                    streams.enqueue(stream.id(), signal.queuedOn(stream.id(), now));
                }
            }
        }
    }
}
