package dev.warden.application.service.ssf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.fakes.ScriptedPushTransport;
import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.ssf.StreamRequest;
import dev.warden.application.port.out.SecurityEventSigner;
import dev.warden.application.port.out.SetPushTransport;
import dev.warden.application.port.out.SetPushTransport.Failed;
import dev.warden.application.port.out.SetPushTransport.Outcome;
import dev.warden.application.port.out.SetPushTransport.Rejected;
import dev.warden.application.port.out.WardenMetrics.SsfDeliveryOutcome;
import dev.warden.domain.PausedStreamLimits;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SecurityEvent;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStreamId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Push delivery over in-memory stores and a scripted receiver: order (with the batch signed ahead on
 * several threads), the outcomes of 202, 400, 503 and no answer, the growing pauses (and
 * Retry-After), how soon a pause or delete stops delivery, and one holder per stream.
 */
class StreamPushServiceTest {
    private static final String VERIFICATION = "https://schemas.openid.net/secevent/ssf/event-type/verification";
    private static final Failed UNAVAILABLE = new Failed("receiver answered 503", Optional.empty());

    private final UseCaseFixture warden = new UseCaseFixture();
    private final ScriptedPushTransport receiver = warden.pushTransport;
    private final ReceiverClientId client = ReceiverClientId.parse(warden.useCases.registerReceiver()
            .register("Lake", warden.freshOwner()).clientId());
    private final SsfStreamId stream = SsfStreamId.parse(warden.useCases.createStream().create(client,
            new StreamRequest(null, new StreamRequest.Delivery("urn:ietf:rfc:8935", "https://r.example/events",
                    "Bearer receiver-secret"), null, null, null, null, null, null)).streamId());

    private List<String> queue(int count) {
        List<String> jtis = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            SsfQueuedEvent event = SsfQueuedEvent.aboutStream(stream, VERIFICATION, java.util.Map.of("state", "s" + i),
                    warden.clock.instant());
            warden.streams.enqueue(stream, event);
            jtis.add(event.jti());
        }
        return jtis;
    }

    private int push() {
        return warden.useCases.pushStreams().pushDue();
    }

    /** How long until the stream is tried again. */
    private Duration nextPause() {
        return Duration.between(warden.clock.instant(), warden.pushSchedule.nextAttemptAt(stream).orElseThrow());
    }

    private static void assertBetween(Duration low, Duration actual, Duration high) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0, actual + " not in " + low + ".." + high);
    }

    private List<String> pushedJtis() {
        return receiver.pushes().stream().map(p -> p.set().substring("signed:".length())).toList();
    }

    @Test
    void everyQueuedSetIsPushedInOrderWithTheStreamsHeaderAndLeavesTheQueue() {
        List<String> jtis = queue(3);

        assertEquals(3, push());

        assertEquals(jtis, pushedJtis());
        ScriptedPushTransport.Push first = receiver.pushes().getFirst();
        assertEquals(URI.create("https://r.example/events"), first.endpoint());
        assertEquals("Bearer receiver-secret", first.authorization());
        assertEquals(0, warden.streams.pending(stream));
        assertEquals(warden.clock.instant(), warden.streams.find(stream).orElseThrow().lastDeliveredAt());
        assertEquals(3, warden.metrics.ssfDeliveries(SsfDeliveryOutcome.DELIVERED));
        assertEquals(0, warden.metrics.ssfPending);
        assertEquals(client.toString(), warden.signer.signed.getFirst().audience());
    }

    @Test
    void aRejectedSetIsDroppedCountedAndRecorded_andTheNextOneStillGoes() {
        List<String> jtis = queue(2);
        receiver.then(new Rejected("invalid_key", "unknown kid"));

        assertEquals(1, push());

        assertEquals(jtis, pushedJtis());
        assertEquals(0, warden.streams.pending(stream));
        assertEquals(1, warden.metrics.ssfDeliveries(SsfDeliveryOutcome.REJECTED));
        assertEquals("receiver rejected " + jtis.get(0) + ": invalid_key (unknown kid)",
                warden.streams.find(stream).orElseThrow().lastError());
    }

    @Test
    void aFailureKeepsTheSetAndWaitsGrowingPausesThenDeliversItOnceWithTheSameJti() {
        List<String> jtis = queue(2);
        receiver.then(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE);

        assertEquals(0, push());
        assertEquals(2, warden.streams.pending(stream));
        assertTrue(warden.streams.find(stream).orElseThrow().lastError().contains("503"));
        Duration first = nextPause();
        assertBetween(Duration.ofMillis(500), first, Duration.ofSeconds(1));

        assertEquals(0, push()); // not due yet: nothing pushed
        assertEquals(1, receiver.pushes().size());

        warden.clock.advance(first);
        assertEquals(0, push());
        Duration second = nextPause();
        assertBetween(Duration.ofSeconds(1), second, Duration.ofSeconds(2));
        warden.clock.advance(second);
        assertEquals(0, push());
        Duration third = nextPause();
        assertBetween(Duration.ofSeconds(2), third, Duration.ofSeconds(4));
        warden.clock.advance(third);

        assertEquals(2, push());
        assertEquals(List.of(jtis.get(0), jtis.get(0), jtis.get(0), jtis.get(0), jtis.get(1)), pushedJtis());
        assertEquals(3, warden.metrics.ssfDeliveries(SsfDeliveryOutcome.FAILED));
        assertEquals(2, warden.metrics.ssfDeliveries(SsfDeliveryOutcome.DELIVERED));
        assertTrue(warden.pushSchedule.nextAttemptAt(stream).isEmpty()); // the run of failures is over
    }

    @Test
    void theReceiversRetryAfterIsHonouredWhenLongerThanThePause() {
        queue(1);
        receiver.then(new Failed("receiver answered 429", Optional.of(Duration.ofSeconds(30))));

        push();

        assertEquals(warden.clock.instant().plusSeconds(30), warden.pushSchedule.nextAttemptAt(stream).orElseThrow());
    }

    @Test
    void thePauseDoublesToAFiveMinuteCapWithJitterBelowIt() {
        PushBackoff lowest = new PushBackoff(new FixedRandom(0));
        assertEquals(Duration.ofMillis(500), lowest.after(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(4), PushBackoff.ceiling(3));
        assertEquals(Duration.ofMinutes(5), PushBackoff.ceiling(10));
        assertEquals(Duration.ofSeconds(256), PushBackoff.ceiling(9));
        assertEquals(Duration.ofMinutes(5), PushBackoff.ceiling(1000));
        assertEquals(Duration.ofSeconds(150), lowest.after(1000, Optional.empty()));
        assertEquals(Duration.ofHours(1), lowest.after(1, Optional.of(Duration.ofDays(3))));
    }

    @Test
    void aPausedStreamKeepsItsSetsAndPushesThemWhenEnabledAgain() {
        warden.useCases.updateStreamStatus().update(client, stream.toString(), "paused", null);
        queue(2);
        assertEquals(0, push());
        assertTrue(receiver.pushes().isEmpty());

        warden.useCases.updateStreamStatus().update(client, stream.toString(), "enabled", null);

        assertEquals(4, push()); // two queued, the stream-updated SETs of pausing and of enabling
        assertEquals(0, warden.streams.pending(stream));
    }

    @Test
    void aPausedStreamKeepsOnlyWhatTheLimitsAllow() {
        StreamPushService limited = new StreamPushService(warden.transactions, warden.streams, warden.pushSchedule,
                receiver, warden.signer, warden.metrics, warden.clock, new java.util.Random(1), false,
                new dev.warden.domain.PausedStreamLimits(Duration.ofHours(1), 2));
        warden.useCases.updateStreamStatus().update(client, stream.toString(), "paused", null); // one stream-updated
        warden.clock.advance(Duration.ofMinutes(61));
        List<String> jtis = queue(3);

        limited.pushDue();

        assertEquals(jtis.subList(1, 3), warden.streams.queued(stream, 10).stream().map(SsfQueuedEvent::jti).toList());
        assertTrue(receiver.pushes().isEmpty());
    }

    @Test
    void pausingDuringDeliveryStopsItOnceTheStreamIsReadAgain() {
        List<String> jtis = queue(3);
        receiver.thenDo(() -> {
            warden.useCases.updateStreamStatus().update(client, stream.toString(), "paused", null);
            warden.clock.advance(StreamPushService.READ_STREAM_AGAIN);
            return new SetPushTransport.Delivered();
        });

        assertEquals(1, push());

        assertEquals(List.of(jtis.get(0)), pushedJtis());
        assertEquals(3, warden.streams.pending(stream)); // two left and the stream-updated SET
    }

    @Test
    void afterAPauseOnlyThePushesStartingWithinTheReadAgainBoundStillGo() {
        List<String> jtis = queue(5);
        Duration justUnder = StreamPushService.READ_STREAM_AGAIN.minusNanos(1000);
        receiver.thenDo(() -> {
            warden.useCases.updateStreamStatus().update(client, stream.toString(), "paused", null);
            return new SetPushTransport.Delivered();
        }).thenDo(() -> {
            warden.clock.advance(justUnder); // the stream was read when the pass began
            return new SetPushTransport.Delivered();
        }).thenDo(() -> {
            warden.clock.advance(Duration.ofNanos(1000)); // now the read is READ_STREAM_AGAIN old
            return new SetPushTransport.Delivered();
        });

        assertEquals(3, push());

        assertEquals(jtis.subList(0, 3), pushedJtis());
        assertEquals(3, warden.streams.pending(stream)); // two left and the stream-updated SET
    }

    @Test
    void aPauseThatNoTimeFollowsStopsDeliveryAtTheEndOfTheBatchInHand() {
        List<String> jtis = queue(StreamPushService.READ_AHEAD + 20);
        receiver.thenDo(() -> {
            warden.useCases.updateStreamStatus().update(client, stream.toString(), "paused", null);
            return new SetPushTransport.Delivered();
        });

        assertEquals(StreamPushService.READ_AHEAD, push());

        assertEquals(jtis.subList(0, StreamPushService.READ_AHEAD), pushedJtis());
        assertEquals(21, warden.streams.pending(stream)); // twenty left and the stream-updated SET
    }

    @Test
    void deletingTheStreamDuringDeliveryStopsItOnceTheStreamIsReadAgain() {
        queue(3);
        receiver.thenDo(() -> {
            warden.useCases.deleteStream().delete(client, stream.toString());
            warden.clock.advance(StreamPushService.READ_STREAM_AGAIN);
            return new SetPushTransport.Delivered();
        });

        assertEquals(1, push());

        assertEquals(1, receiver.pushes().size());
        assertTrue(warden.streams.find(stream).isEmpty());
    }

    @Test
    void setsSignedOutOfOrderOnSeveralThreadsArePushedInQueueOrderAcrossBatches() {
        List<String> jtis = queue(2 * StreamPushService.READ_AHEAD + 50);
        // The later a SET is in its batch, the sooner its signature is done: a pusher taking
        // signatures as they finish would push them backwards.
        StreamPushService slowFirst = withSigner(event -> {
            int index = jtis.indexOf(event.jti()) % StreamPushService.READ_AHEAD;
            sleepMillis(index < 4 ? 4 - index : 0);
            return "signed:" + event.jti();
        });

        assertEquals(jtis.size(), slowFirst.pushDue());

        assertEquals(jtis, pushedJtis());
        assertEquals(0, warden.streams.pending(stream));
    }

    @Test
    void theBatchIsSignedAheadOfItsPushes() {
        List<String> jtis = queue(20);
        Set<String> signedSoFar = ConcurrentHashMap.newKeySet();
        StreamPushService service = withSigner(event -> {
            signedSoFar.add(event.jti());
            return "signed:" + event.jti();
        });
        // The first push waits until the whole batch is signed: only signing ahead gets past it.
        receiver.thenDo(() -> {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (signedSoFar.size() < jtis.size() && System.nanoTime() < until) {
                sleepMillis(1);
            }
            return signedSoFar.size() == jtis.size() ? new SetPushTransport.Delivered() : UNAVAILABLE;
        });

        assertEquals(20, service.pushDue());

        assertEquals(jtis, pushedJtis());
    }

    @Test
    void aFailureInTheMiddleOfABatchKeepsThatSetAndTheRestInOrderForTheNextAttempt() {
        List<String> jtis = queue(StreamPushService.READ_AHEAD + 5);
        List<Outcome> script = new ArrayList<>();
        for (int i = 0; i < StreamPushService.READ_AHEAD + 2; i++) {
            script.add(new SetPushTransport.Delivered());
        }
        script.add(UNAVAILABLE); // the third SET of the second batch
        receiver.then(script.toArray(Outcome[]::new));

        assertEquals(StreamPushService.READ_AHEAD + 2, push());
        int failedAt = StreamPushService.READ_AHEAD + 2;
        assertEquals(jtis.subList(failedAt, jtis.size()),
                warden.streams.queued(stream, 10).stream().map(SsfQueuedEvent::jti).toList());

        warden.clock.advance(nextPause());
        assertEquals(3, push());

        List<String> expected = new ArrayList<>(jtis.subList(0, failedAt + 1));
        expected.addAll(jtis.subList(failedAt, jtis.size())); // the failed one again, same jti, then the rest
        assertEquals(expected, pushedJtis());
        assertEquals(0, warden.streams.pending(stream));
    }

    @Test
    void aSigningFailureLosesNothing_theSetsBeforeItLeaveTheQueueAndItAndTheRestStay() {
        List<String> jtis = queue(5);
        StreamPushService failingThird = withSigner(event -> {
            if (event.jti().equals(jtis.get(2))) {
                throw new IllegalStateException("signing a SET failed: no key");
            }
            return "signed:" + event.jti();
        });

        IllegalStateException failed = assertThrows(IllegalStateException.class, failingThird::pushDue);

        assertEquals("signing a SET failed: no key", failed.getMessage());
        assertEquals(jtis.subList(0, 2), pushedJtis());
        assertEquals(jtis.subList(2, 5), warden.streams.queued(stream, 10).stream().map(SsfQueuedEvent::jti).toList());
        assertTrue(warden.pushSchedule.claimDue("other-instance", warden.clock.instant(),
                warden.clock.instant().plus(StreamPushService.LEASE)).isPresent()); // the lease was given back
    }

    /** The service with another signer (published keys: none). */
    private StreamPushService withSigner(Function<SecurityEvent, String> sign) {
        SecurityEventSigner signer = new SecurityEventSigner() {
            @Override
            public String sign(SecurityEvent event) {
                return sign.apply(event);
            }

            @Override
            public List<PublishedKey> publishedKeys() {
                return List.of();
            }
        };
        return new StreamPushService(warden.transactions, warden.streams, warden.pushSchedule, receiver, signer,
                warden.metrics, warden.clock, new java.util.Random(1), false,
                new PausedStreamLimits(Duration.ofDays(7), 100_000));
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aStreamHeldByAnotherInstanceIsNotPushedUntilItsLeaseEnds() {
        queue(1);
        Instant now = warden.clock.instant();
        assertTrue(warden.pushSchedule.claimDue("other-instance", now, now.plus(StreamPushService.LEASE)).isPresent());

        assertEquals(0, push());
        assertTrue(receiver.pushes().isEmpty());

        warden.clock.advance(StreamPushService.LEASE); // the other instance died: its lease ends
        assertEquals(1, push());
    }

    @Test
    void aPushEndpointIsRefusedAtDeliveryWhenHttpIsNotAllowed() {
        StreamConfigurationService allowing = new StreamConfigurationService(warden.transactions, warden.streams,
                new OwnedStreams(warden.streams, warden.audit), true, warden.clock);
        SsfStreamId http = SsfStreamId.parse(allowing.create(client, new StreamRequest(null,
                new StreamRequest.Delivery("urn:ietf:rfc:8935", "http://r.example/e", null), null, null, null, null,
                null, null)).streamId());
        warden.streams.enqueue(http, SsfQueuedEvent.aboutStream(http, VERIFICATION, java.util.Map.of(),
                warden.clock.instant()));

        push();

        assertTrue(receiver.pushes().isEmpty());
        assertTrue(warden.streams.find(http).orElseThrow().lastError().contains("https://"));
        assertEquals(1, warden.streams.pending(http));
    }

    @Test
    void nothingIsDoneWithoutPushStreams() {
        assertEquals(0, push());
        assertNull(warden.streams.find(stream).orElseThrow().lastError());
        assertEquals(0, warden.metrics.ssfPending);
    }

    /** Always draws the lowest value. */
    private record FixedRandom(long value) implements RandomGenerator {
        @Override
        public long nextLong() {
            return value;
        }

        @Override
        public long nextLong(long bound) {
            return value;
        }
    }
}
