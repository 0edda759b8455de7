package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.SsfPushSchedule;
import dev.warden.application.port.out.SsfPushSchedule.Claim;
import dev.warden.domain.Account;
import dev.warden.domain.ClientSecret;
import dev.warden.domain.ReceiverClient;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.SsfDelivery;
import dev.warden.domain.SsfEventTypes;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfStream;
import dev.warden.domain.SsfStreamId;
import dev.warden.domain.SsfStreamStatus;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every SsfPushSchedule must do, over the SsfStreams of the same store. */
public abstract class SsfPushScheduleContract extends PortContract {
    private static final Instant T = NOW.truncatedTo(ChronoUnit.MICROS);
    private static final Instant LEASE_END = T.plusSeconds(60);
    private static final SsfDelivery PUSH = new SsfDelivery(SsfDelivery.Method.PUSH,
            URI.create("https://receiver.example/events"), "Bearer x");
    protected SsfPushSchedule schedule;
    private ReceiverClientId client;

    /** The schedule over {@code ports}' store. */
    protected abstract SsfPushSchedule schedule(Ports ports);

    @BeforeEach
    void setUpSchedule() {
        schedule = schedule(ports);
        Account admin = anAccount("admin").build();
        ports.accounts().insert(admin);
        ReceiverClient c = new ReceiverClient(ReceiverClientId.random(), "Receiver",
                ClientSecret.generate(new SecureRandom()).hash(), T, admin.id(), null);
        ports.receivers().insert(c);
        client = c.id();
    }

    private SsfStreamId aStream(SsfDelivery delivery, int queued) {
        SsfStream stream = SsfStream.created(SsfStreamId.random(), client, null, delivery,
                List.of(SsfEventTypes.SESSION_REVOKED), T);
        ports.streams().insert(stream);
        for (int i = 0; i < queued; i++) {
            ports.streams().enqueue(stream.id(), SsfQueuedEvent.aboutStream(stream.id(), SsfEventTypes.SESSION_REVOKED,
                    Map.of(), T));
        }
        return stream.id();
    }

    /** An enabled push stream with two queued SETs. */
    protected SsfStreamId aPushStreamWithQueuedSets() {
        return aStream(PUSH, 2);
    }

    @Test
    void onlyEnabledPushStreamsWithQueuedSetsAreClaimed() {
        aStream(SsfDelivery.POLL, 1);
        aStream(PUSH, 0);
        SsfStreamId paused = aStream(PUSH, 1);
        SsfStream p = ports.streams().find(paused).orElseThrow();
        ports.streams().update(p.withStatus(SsfStreamStatus.PAUSED, null));

        assertEquals(Optional.empty(), schedule.claimDue("a", T, LEASE_END));

        SsfStreamId due = aStream(PUSH, 2);
        assertEquals(Optional.of(new Claim(due, 0)), schedule.claimDue("a", T, LEASE_END));
        assertEquals(4, schedule.pendingTotal());
    }

    @Test
    void aLeasedStreamIsNotClaimedAgainUntilItsLeaseEndsOrIsReleased() {
        SsfStreamId stream = aStream(PUSH, 1);
        assertTrue(schedule.claimDue("a", T, LEASE_END).isPresent());

        assertEquals(Optional.empty(), schedule.claimDue("b", T.plusSeconds(59), T.plusSeconds(119)));
        assertEquals(Optional.of(new Claim(stream, 0)), schedule.claimDue("b", LEASE_END, LEASE_END.plusSeconds(60)));
        assertFalse(schedule.release(stream, "a", null, 0)); // a's lease ended and b holds the stream
        assertTrue(schedule.release(stream, "b", null, 0));
        assertTrue(schedule.claimDue("a", LEASE_END, LEASE_END.plusSeconds(60)).isPresent());
    }

    @Test
    void aReleasedStreamWaitsForItsNextAttemptAndKeepsItsFailures() {
        SsfStreamId stream = aStream(PUSH, 1);
        schedule.claimDue("a", T, LEASE_END);
        Instant next = T.plus(Duration.ofSeconds(8));
        assertTrue(schedule.release(stream, "a", next, 3));

        assertEquals(Optional.empty(), schedule.claimDue("a", next.minusMillis(1), LEASE_END));
        assertEquals(Optional.of(new Claim(stream, 3)), schedule.claimDue("a", next, LEASE_END));
    }

    @Test
    void pausedQueuesKeepOnlyTheNewestWithinTheRetention_andOtherStreamsKeepEverything() {
        SsfStreamId paused = aStream(PUSH, 0);
        SsfStreamId enabled = aStream(PUSH, 0);
        List<String> jtis = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SsfQueuedEvent event = SsfQueuedEvent.aboutStream(paused, SsfEventTypes.SESSION_REVOKED, Map.of(),
                    T.plusSeconds(i));
            ports.streams().enqueue(paused, event);
            ports.streams().enqueue(enabled, SsfQueuedEvent.aboutStream(enabled, SsfEventTypes.SESSION_REVOKED,
                    Map.of(), T.plusSeconds(i)));
            jtis.add(event.jti());
        }
        ports.streams().update(ports.streams().find(paused).orElseThrow().withStatus(SsfStreamStatus.PAUSED, null));

        assertEquals(2, schedule.trimPausedQueues(T.plusSeconds(1), 3)); // the oldest by age, then by count

        assertEquals(jtis.subList(2, 5), ports.streams().queued(paused, 10).stream().map(SsfQueuedEvent::jti).toList());
        assertEquals(5, ports.streams().pending(enabled));
        assertEquals(1, schedule.trimPausedQueues(T, 2));
        assertEquals(jtis.subList(3, 5), ports.streams().queued(paused, 10).stream().map(SsfQueuedEvent::jti).toList());
        assertEquals(0, schedule.trimPausedQueues(T, 2));
    }

    @Test
    void theStreamDueLongestIsClaimedFirst() {
        SsfStreamId later = aStream(PUSH, 1);
        SsfStreamId sooner = aStream(PUSH, 1);
        schedule.claimDue("a", T, LEASE_END);
        schedule.claimDue("a", T, LEASE_END);
        schedule.release(later, "a", T.plusSeconds(2), 2);
        schedule.release(sooner, "a", T.plusSeconds(1), 1);

        assertEquals(sooner, schedule.claimDue("a", T.plusSeconds(5), LEASE_END).orElseThrow().stream());
        assertEquals(later, schedule.claimDue("a", T.plusSeconds(5), LEASE_END).orElseThrow().stream());
    }
}
