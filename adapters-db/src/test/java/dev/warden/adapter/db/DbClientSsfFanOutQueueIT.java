package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.SsfFanOutQueueContract;
import dev.warden.application.port.out.SsfFanOutQueue;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.RiskChange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DbClientSsfFanOutQueueIT extends SsfFanOutQueueContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }

    @Override
    protected SsfFanOutQueue fanOutQueue() {
        return TestDatabase.get().ssfFanOutQueue();
    }

    @Test
    void twoInstancesClaimingAtOnce_neverTakeTheSameEvent() throws Exception {
        Account alice = anAccount("alice").build();
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(AccountEvent.of(AccountEvent.Type.DISABLED, alice, null, NOW));
        }
        ports.transactions().run(() -> events.forEach(ports.outbox()::append));
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        try (WardenDatabase other = TestDatabase.anotherInstance()) {
            CompletableFuture<List<OutboxEvent>> first = CompletableFuture.supplyAsync(() ->
                    ports.transactions().inTransaction(() -> {
                        List<OutboxEvent> mine = fanOutQueue().claimNotFannedOut(3);
                        firstHolds.countDown();
                        await(secondDone);
                        return mine;
                    }));
            await(firstHolds);
            List<OutboxEvent> second = other.transactions().inTransaction(
                    () -> other.ssfFanOutQueue().claimNotFannedOut(10));
            secondDone.countDown();

            assertEquals(events.subList(0, 3), first.get(10, TimeUnit.SECONDS));
            assertEquals(events.subList(3, 6), second);
        }
    }

    @Test
    void retentionKeepsPublishedEventsTheFanOutHasNotPassed_whileAStreamExists() {
        var retention = TestDatabase.get().historyRetention();
        java.time.Instant later = java.time.Instant.now().plusSeconds(3600);
        Account alice = anAccount("alice").build();
        appendAndPublish(alice);
        assertEquals(1, retention.deletePublishedEventsBefore(later, 10), "no stream wants it: purged");

        givenAStream();
        appendAndPublish(alice);
        assertEquals(0, retention.deletePublishedEventsBefore(later, 10), "a stream exists: kept until fanned out");

        ports.transactions().run(() -> fanOutQueue().markFannedOut(
                fanOutQueue().claimNotFannedOut(10).stream().map(OutboxEvent::eventId).toList()));
        assertEquals(1, retention.deletePublishedEventsBefore(later, 10));
    }

    @Test
    void withoutAStreamARiskChangeIsNotKept() {
        ports.transactions().run(() -> fanOutQueue().appendRiskChange(
                new RiskChange(java.util.UUID.randomUUID(), anAccount("alice").build().id(), true, NOW)));
        assertEquals(List.of(), ports.transactions().inTransaction(() -> fanOutQueue().claimRiskChanges(10)));
    }

    private void appendAndPublish(Account user) {
        ports.transactions().run(() -> ports.outbox().append(AccountEvent.of(AccountEvent.Type.DISABLED, user, null, NOW)));
        ports.queue().markPublished(ports.queue().oldestUnpublished(10).stream()
                .map(dev.warden.application.port.out.OutboxQueue.PendingEvent::position).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
