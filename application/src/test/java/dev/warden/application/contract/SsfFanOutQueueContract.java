package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aSession;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.application.port.out.SsfFanOutQueue;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.ClientSecret;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.ReceiverClient;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.RiskChange;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SsfDelivery;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import dev.warden.domain.TerminationReason;
import dev.warden.domain.testdata.TestData;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every SsfFanOutQueue must do for the Shared Signals fan-out. */
public abstract class SsfFanOutQueueContract extends PortContract {
    private static final Account ALICE = anAccount("alice").build();

    /** The queue over the same store as {@link #ports}. */
    protected abstract SsfFanOutQueue fanOutQueue();

    private List<OutboxEvent> appended() {
        var session = aSession(ALICE).build();
        List<OutboxEvent> events = List.of(
                SessionEvent.created(session, TestData.FIREFOX_ON_LINUX, NOW),
                AccountEvent.of(AccountEvent.Type.PASSWORD_CHANGED, ALICE, ALICE.id(), NOW),
                SessionEvent.ended(session, TerminationReason.PASSWORD_CHANGED, ALICE.id(), NOW),
                AccountEvent.of(AccountEvent.Type.DISABLED, ALICE, null, NOW));
        ports.transactions().run(() -> events.forEach(ports.outbox()::append));
        return events;
    }

    private List<OutboxEvent> claim(int max) {
        return ports.transactions().inTransaction(() -> fanOutQueue().claimNotFannedOut(max));
    }

    @Test
    void givenEvents_whenSomeAreMarked_thenOnlyTheRestAreClaimedOldestFirst_asTheyWereWritten() {
        List<OutboxEvent> events = appended();
        assertEquals(events.subList(0, 2), claim(2));

        ports.transactions().run(() -> fanOutQueue().markFannedOut(
                List.of(events.get(0).eventId(), events.get(1).eventId(), UUID.randomUUID())));
        ports.transactions().run(() -> fanOutQueue().markFannedOut(List.of()));

        assertEquals(events.subList(2, 4), claim(10));
    }

    @Test
    void givenAMarkThatRollsBack_thenTheEventsAreClaimedAgain() {
        List<OutboxEvent> events = appended();
        assertThrows(IllegalStateException.class, () -> ports.transactions().run(() -> {
            fanOutQueue().markFannedOut(events.stream().map(OutboxEvent::eventId).toList());
            throw new IllegalStateException("boom");
        }));
        assertEquals(events, claim(10));
    }

    @Test
    void publishingAnEventDoesNotMarkItFannedOut() {
        List<OutboxEvent> events = appended();
        ports.queue().markPublished(ports.queue().oldestUnpublished(10).stream()
                .map(dev.warden.application.port.out.OutboxQueue.PendingEvent::position).toList());
        assertEquals(events, claim(10));
    }

    /** A stream, so that risk changes are worth keeping. */
    protected void givenAStream() {
        Account admin = anAccount("admin").build();
        ports.accounts().insert(admin);
        ReceiverClient client = new ReceiverClient(ReceiverClientId.random(), "Receiver",
                ClientSecret.generate(new SecureRandom()).hash(), NOW, admin.id(), null);
        ports.receivers().insert(client);
        ports.streams().insert(SsfStream.created(SsfStreamId.random(), client.id(), null, SsfDelivery.POLL, null, NOW));
    }

    private List<RiskChange> claimRisks() {
        return ports.transactions().inTransaction(() -> fanOutQueue().claimRiskChanges(10));
    }

    @Test
    void givenAStream_riskChangesWaitOnceEachOldestFirst_untilRemoved() {
        givenAStream();
        RiskChange raised = new RiskChange(UUID.randomUUID(), ALICE.id(), true, NOW);
        RiskChange resolved = new RiskChange(UUID.randomUUID(), ALICE.id(), false, NOW.plusSeconds(60));
        ports.transactions().run(() -> {
            fanOutQueue().appendRiskChange(raised);
            fanOutQueue().appendRiskChange(resolved);
            fanOutQueue().appendRiskChange(raised);
        });
        assertEquals(List.of(raised, resolved), claimRisks());

        ports.transactions().run(() -> fanOutQueue().removeRiskChanges(List.of(raised.eventId(), UUID.randomUUID())));
        ports.transactions().run(() -> fanOutQueue().removeRiskChanges(List.of()));
        assertEquals(List.of(resolved), claimRisks());
    }

    @Test
    void aRiskChangeWhoseTransactionRollsBackIsNotKept() {
        givenAStream();
        assertThrows(IllegalStateException.class, () -> ports.transactions().run(() -> {
            fanOutQueue().appendRiskChange(new RiskChange(UUID.randomUUID(), ALICE.id(), true, NOW));
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of(), claimRisks());
    }
}
