package dev.warden.application.service.ssf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.Forbidden;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.ssf.PollStreamUseCase.PollRequest;
import dev.warden.application.port.in.ssf.PollStreamUseCase.PollResult;
import dev.warden.application.port.in.ssf.PollStreamUseCase.SetError;
import dev.warden.application.port.in.ssf.StreamNotFound;
import dev.warden.application.port.in.ssf.StreamRequest;
import dev.warden.application.port.in.ssf.StreamView;
import dev.warden.application.port.in.ssf.TooManyVerifications;
import dev.warden.application.port.in.ssf.TooManyWaitingPolls;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.domain.AuditType;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SecurityEvent;
import dev.warden.domain.SsfEventTypes;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The stream use cases over in-memory stores: configuration, status, verification, RFC 8936 poll
 * with its long wait (a pause that advances the fixture's clock instead of sleeping), and what
 * revoking a client does to its streams.
 */
class StreamServicesTest {
    private final UseCaseFixture warden = new UseCaseFixture();
    private final ReceiverClientId client = registered();
    private final List<Duration> pauses = new ArrayList<>();

    private ReceiverClientId registered() {
        return ReceiverClientId.parse(warden.useCases.registerReceiver().register("Lake", warden.freshOwner())
                .clientId());
    }

    private static StreamRequest creating(StreamRequest.Delivery delivery, List<String> events) {
        return new StreamRequest(null, delivery, events, null, null, null, null, null);
    }

    private String pollStream() {
        return warden.useCases.createStream().create(client, creating(null, null)).streamId();
    }

    /** The poll service as wired, but pausing by moving the fixture's clock (and running {@code during} once). */
    private StreamPollService pollService(Runnable during) {
        return new StreamPollService(warden.transactions, warden.streams, new OwnedStreams(warden.streams,
                warden.audit), warden.signer, warden.clock, duration -> {
            pauses.add(duration);
            warden.clock.advance(duration);
            if (pauses.size() == 3) {
                during.run();
            }
        });
    }

    private static PollRequest waiting() {
        return new PollRequest(null, false, List.of(), Map.of());
    }

    @Test
    void creatingAuditsAndStartsEnabled_withEveryTypeWhenNoneIsRequested() {
        StreamView view = warden.useCases.createStream().create(client, creating(null, null));

        assertEquals(SsfEventTypes.SUPPORTED, view.eventsDelivered());
        assertEquals("urn:ietf:rfc:8936", view.deliveryMethod());
        assertEquals(client.toString(), view.audience());
        assertEquals("enabled", warden.useCases.readStreamStatus().status(client, view.streamId()).status());
        assertTrue(warden.audit.ofType(AuditType.SSF_STREAM_CREATED).getFirst().reason().contains(view.streamId()));
    }

    @Test
    void pushEndpointsMustBeHttpsUnlessAllowed() {
        StreamRequest.Delivery http = new StreamRequest.Delivery("urn:ietf:rfc:8935", "http://r.example/e", null);
        assertThrows(InvalidRequest.class, () -> warden.useCases.createStream().create(client, creating(http, null)));

        StreamConfigurationService allowing = new StreamConfigurationService(warden.transactions, warden.streams,
                new OwnedStreams(warden.streams, warden.audit), true, warden.clock);
        assertEquals("http://r.example/e", allowing.create(client, creating(http, null)).endpointUrl());
    }

    @Test
    void anotherClientsStreamIsNotFoundForAnyUseCase() {
        String id = pollStream();
        ReceiverClientId other = registered();

        assertThrows(StreamNotFound.class, () -> warden.useCases.readStream().read(other, id));
        assertThrows(StreamNotFound.class, () -> warden.useCases.deleteStream().delete(other, id));
        assertThrows(StreamNotFound.class, () -> warden.useCases.verifyStream().verify(other, id, null));
        assertThrows(StreamNotFound.class, () -> warden.useCases.updateStreamStatus().update(other, id, "paused", null));
        assertThrows(StreamNotFound.class, () -> warden.useCases.pollStream().poll(other, id,
                new PollRequest(null, true, List.of(), Map.of())));
        assertEquals(List.of(), warden.useCases.listStreams().list(other));
    }

    @Test
    void verificationIsLimitedToOncePerInterval() {
        String id = pollStream();
        warden.useCases.verifyStream().verify(client, id, "s1");

        TooManyVerifications tooSoon = assertThrows(TooManyVerifications.class,
                () -> warden.useCases.verifyStream().verify(client, id, "s2"));
        assertTrue(tooSoon.retryAfterSeconds() >= 1 && tooSoon.retryAfterSeconds() <= 16);
        warden.clock.advance(SsfStream.MIN_VERIFICATION_INTERVAL);
        warden.useCases.verifyStream().verify(client, id, "s3");
        assertEquals(2, warden.streams.pending(SsfStreamId.parse(id)));
    }

    @Test
    void aLongPollWaitsForASetAndReturnsItWhenItIsQueued() {
        String id = pollStream();

        PollResult result = pollService(() -> warden.useCases.verifyStream().verify(client, id, "late"))
                .poll(client, id, waiting());

        assertEquals(1, result.sets().size());
        assertEquals(3, pauses.size(), "it checked after each pause and stopped at the first SET");
        assertTrue(pauses.stream().allMatch(StreamPollService.CHECK_EVERY::equals));
    }

    @Test
    void aLongPollOnAnEmptyQueueGivesUpAfterThirtySeconds() {
        String id = pollStream();
        java.time.Instant start = warden.clock.instant();

        PollResult result = pollService(() -> { }).poll(client, id, waiting());

        assertEquals(Map.of(), result.sets());
        assertFalse(result.moreAvailable());
        assertEquals(Duration.ofSeconds(30), Duration.between(start, warden.clock.instant()));
    }

    /**
     * Every waiter's pause is one round of a phaser, so all of them wake together each round: the
     * first reads, the others take its check. Before the fix each of them read every round.
     */
    @Test
    void waitingPollsOfOneStreamShareTheirChecks_soQueueReadsDoNotGrowWithTheirNumber() throws Exception {
        String id = pollStream();
        int waiting = LongPollWaiters.PER_STREAM;
        AtomicInteger queueReads = new AtomicInteger();
        LongPollWaiters seats = new LongPollWaiters();
        List<Exception> refusedMeanwhile = new ArrayList<>();
        StreamPollService[] service = new StreamPollService[1];
        Phaser rounds = new Phaser(waiting) {
            @Override
            protected boolean onAdvance(int phase, int parties) {
                if (phase == 0) {
                    // Every seat is taken: one more poll is refused before it does anything.
                    refusedMeanwhile.add(assertThrows(TooManyWaitingPolls.class, () -> service[0].poll(client, id,
                            new PollRequest(null, false, List.of("some-jti"), Map.of()))));
                }
                if (phase == 2) {
                    warden.useCases.verifyStream().verify(client, id, "late");
                }
                return false;
            }
        };
        service[0] = new StreamPollService(warden.transactions, countingQueueReads(queueReads),
                new OwnedStreams(warden.streams, warden.audit), warden.signer, warden.clock,
                duration -> rounds.arriveAndAwaitAdvance(), seats);

        List<Future<PollResult>> polls = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < waiting; i++) {
                polls.add(threads.submit(() -> service[0].poll(client, id, waiting())));
            }
        }

        for (Future<PollResult> poll : polls) {
            assertEquals(1, poll.get(10, TimeUnit.SECONDS).sets().size(), "every waiter got the SET queued meanwhile");
        }
        assertEquals(waiting + 3, queueReads.get(),
                "each poll's own first check, then one shared check per round (the third finds the SET)");
        assertEquals(1, refusedMeanwhile.size());
        assertEquals(30, ((TooManyWaitingPolls) refusedMeanwhile.getFirst()).retryAfterSeconds());
        assertEquals(0, seats.waiting(SsfStreamId.parse(id)), "every seat is given back");
    }

    @Test
    void aClientMayKeepOnlySoManyPollsWaitingAcrossItsStreams() {
        LongPollWaiters seats = new LongPollWaiters();
        List<SsfStreamId> streams = new ArrayList<>();
        for (int i = 0; i < LongPollWaiters.PER_CLIENT; i++) {
            SsfStreamId stream = SsfStreamId.random();
            streams.add(stream);
            assertTrue(seats.join(client, stream).isPresent());
        }

        assertTrue(seats.join(client, SsfStreamId.random()).isEmpty(), "the client's seats are all taken");
        assertTrue(seats.join(registered(), SsfStreamId.random()).isPresent(), "another client's are not");
        seats.leave(client, streams.getFirst());
        assertTrue(seats.join(client, SsfStreamId.random()).isPresent(), "a seat given back can be taken again");
    }

    @Test
    void aFailedSharedCheckFailsItsWaitersWithoutReadingAgain() {
        LongPollWaiters.Watch watch = new LongPollWaiters().join(client, SsfStreamId.random()).orElseThrow();
        AtomicInteger reads = new AtomicInteger();
        IllegalStateException down = new IllegalStateException("database down");

        assertThrows(IllegalStateException.class, () -> watch.checkAfter(0, () -> {
            reads.incrementAndGet();
            throw down;
        }));
        assertEquals(down, assertThrows(IllegalStateException.class, () -> watch.checkAfter(0, () -> {
            reads.incrementAndGet();
            return List.of();
        })), "a waiter that paused before the failed check shares it");
        assertEquals(1, reads.get());
        assertEquals(List.of(), watch.checkAfter(1, () -> {
            reads.incrementAndGet();
            return List.of();
        }), "the next round reads again");
        assertEquals(2, reads.get());
    }

    /** The service's store, counting reads of the queue. */
    private SsfStreams countingQueueReads(AtomicInteger reads) {
        return (SsfStreams) Proxy.newProxyInstance(SsfStreams.class.getClassLoader(), new Class<?>[] {SsfStreams.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("queued")) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(warden.streams, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void returnImmediatelyAndMaxEventsZeroNeverWait() {
        String id = pollStream();

        pollService(() -> { }).poll(client, id, new PollRequest(null, true, List.of(), Map.of()));
        pollService(() -> { }).poll(client, id, new PollRequest(0, false, List.of(), Map.of()));

        assertEquals(List.of(), pauses);
    }

    @Test
    void setsAreSignedForTheClientWithTheirQueuedJtiAndIat_andAcknowledgedOnesLeave() {
        String id = pollStream();
        warden.useCases.verifyStream().verify(client, id, "s");
        java.time.Instant queuedAt = warden.clock.instant();
        warden.clock.advance(Duration.ofMinutes(5));

        PollResult first = warden.useCases.pollStream().poll(client, id, new PollRequest(null, true, List.of(), Map.of()));
        String jti = first.sets().keySet().iterator().next();
        SecurityEvent signed = warden.signer.signed.getLast();
        assertEquals(jti, signed.jti());
        assertEquals(queuedAt, signed.issuedAt(), "iat is when it was queued, the same on every redelivery");
        assertEquals(client.toString(), signed.audience());

        PollResult after = warden.useCases.pollStream().poll(client, id, new PollRequest(null, true, List.of(jti),
                Map.of()));
        assertEquals(Map.of(), after.sets());
    }

    @Test
    void aReportedErrorIsRecordedAndTheSetDropped() {
        String id = pollStream();
        warden.useCases.verifyStream().verify(client, id, "s");
        String jti = warden.useCases.pollStream().poll(client, id, new PollRequest(null, true, List.of(), Map.of()))
                .sets().keySet().iterator().next();

        warden.useCases.pollStream().poll(client, id, new PollRequest(null, true, List.of(),
                Map.of(jti, new SetError("invalid_state", "bad\u0000state"))));

        SsfStream stream = warden.streams.find(SsfStreamId.parse(id)).orElseThrow();
        assertEquals(0, warden.streams.pending(stream.id()));
        assertTrue(stream.lastError().contains("invalid_state"));
        assertFalse(stream.lastError().contains("\u0000"), "no control character reaches the store");
    }

    @Test
    void disablingDropsTheQueueAndQueuesNothing_revokingTheClientDisablesItsStreams() {
        String id = pollStream();
        SsfStreamId streamId = SsfStreamId.parse(id);
        warden.useCases.verifyStream().verify(client, id, null);

        warden.useCases.updateStreamStatus().update(client, id, "disabled", "not now");
        assertEquals(0, warden.streams.pending(streamId));
        warden.clock.advance(SsfStream.MIN_VERIFICATION_INTERVAL);
        warden.useCases.verifyStream().verify(client, id, null);
        assertEquals(0, warden.streams.pending(streamId), "a disabled stream keeps nothing");

        warden.useCases.updateStreamStatus().update(client, id, "enabled", null);
        assertEquals(1, warden.streams.pending(streamId), "the stream-updated SET of enabling");
        warden.useCases.revokeReceiver().revoke(client.toString(), warden.freshOwner());
        SsfStream revoked = warden.streams.find(streamId).orElseThrow();
        assertEquals("disabled", revoked.status().text());
        assertEquals(0, warden.streams.pending(streamId));
    }

    @Test
    void onlyAdministratorsListEveryStream() {
        pollStream();

        assertEquals(1, warden.useCases.listAllStreams().list(warden.admin()).size());
        assertThrows(Forbidden.class, () -> warden.useCases.listAllStreams().list(
                UseCaseFixture.actor(warden.givenAccount("carol", dev.warden.domain.Role.USER))));
    }
}
