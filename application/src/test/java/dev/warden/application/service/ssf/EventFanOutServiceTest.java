package dev.warden.application.service.ssf;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.anAlarmEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.application.fakes.UseCaseFixture;
import dev.warden.application.port.in.ssf.StreamRequest;
import dev.warden.application.port.out.SsfStreams;
import dev.warden.domain.Account;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.AlarmEvent;
import dev.warden.domain.ReceiverClientId;
import dev.warden.domain.Role;
import dev.warden.domain.SessionEvent;
import dev.warden.domain.SsfEventTypes;
import dev.warden.domain.SsfQueuedEvent;
import dev.warden.domain.SsfSignal;
import dev.warden.domain.SsfStreamId;
import dev.warden.domain.SsfStreamStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fan-out over in-memory stores: which streams get which events (events_delivered, removed
 * subjects, disabled and paused streams), and exactly once per stream and event.
 */
class EventFanOutServiceTest {
    private static final String ISS = "https://warden.example.com";
    private final UseCaseFixture warden = new UseCaseFixture();
    private final ReceiverClientId client = ReceiverClientId.parse(
            warden.useCases.registerReceiver().register("Lake", warden.freshOwner()).clientId());
    private final Account alice = warden.givenAccount("alice", Role.USER);
    private final Account admin = warden.givenAccount("boss", Role.ADMIN);

    private SsfStreamId stream(List<String> events) {
        return SsfStreamId.parse(warden.useCases.createStream()
                .create(client, new StreamRequest(null, null, events, null, null, null, null, null)).streamId());
    }

    /** The queued events about alice (not the owner's login, nor the stream's own stream-updated SETs). */
    private List<SsfQueuedEvent> queued(SsfStreamId stream) {
        return warden.streams.queued(stream, 1000).stream().filter(e -> e.subjectId().toString()
                .contains(alice.id().toString())).toList();
    }

    private AccountEvent disabled() {
        AccountEvent event = AccountEvent.of(AccountEvent.Type.DISABLED, alice, admin.id(), NOW);
        warden.outbox.append(event);
        return event;
    }

    private int fanOut() {
        return warden.useCases.fanOutEvents().fanOutOnce(ISS);
    }

    @Test
    void aLoginReachesEveryStreamThatAskedForIt_asTheMappedSet_withTxnTheEventAndAStableJti() {
        SsfStreamId all = stream(null);
        SsfStreamId revokedOnly = stream(List.of(SsfEventTypes.SESSION_REVOKED));
        warden.loginFrom("alice", "203.0.113.9");
        fanOut();

        SessionEvent login = warden.outbox.events().getLast();
        List<SsfQueuedEvent> got = queued(all).stream().filter(e -> e.txn().equals(login.eventId().toString())).toList();
        assertEquals(1, got.size());
        SsfQueuedEvent set = got.getFirst();
        assertEquals(SsfEventTypes.SESSION_ESTABLISHED, set.eventType());
        assertEquals(SsfSignal.jti(all, login.eventId()), set.jti());
        assertEquals(List.of("203.0.113.9"), set.fields().get("ips"));
        assertEquals(Map.of("format", "iss_sub", "iss", ISS, "sub", alice.id().toString()), set.subjectId().get("user"));
        assertEquals(List.of(), queued(revokedOnly));
    }

    @Test
    void removedSubjectsAndDisabledStreamsGetNothing_pausedStreamsKeepTheirs() {
        SsfStreamId excluding = stream(null);
        warden.streams.setSubject(excluding, alice.id(), false);
        SsfStreamId disabled = stream(null);
        warden.useCases.updateStreamStatus().update(client, disabled.toString(), SsfStreamStatus.DISABLED.text(), null);
        SsfStreamId paused = stream(null);
        warden.useCases.updateStreamStatus().update(client, paused.toString(), SsfStreamStatus.PAUSED.text(), null);
        AccountEvent event = disabled();

        fanOut();

        assertEquals(List.of(), queued(excluding));
        assertEquals(List.of(), queued(disabled));
        assertEquals(List.of(SsfEventTypes.ACCOUNT_DISABLED), queued(paused).stream()
                .filter(e -> e.txn().equals(event.eventId().toString())).map(SsfQueuedEvent::eventType).toList());
    }

    @Test
    void anEventIsQueuedOncePerStream_evenAfterTheReceiverAcknowledgedIt() {
        SsfStreamId all = stream(null);
        AccountEvent event = disabled();
        fanOut();
        String jti = SsfSignal.jti(all, event.eventId());
        assertEquals(1, warden.streams.remove(all, List.of(jti)));

        assertEquals(0, fanOut());
        assertEquals(0, fanOut());
        assertEquals(List.of(), queued(all).stream().filter(e -> e.jti().equals(jti)).toList());
    }

    @Test
    void factsWithoutASetAndEventsWithNoStreamArePassedToo_soNothingWaitsForever() {
        warden.outbox.append(AccountEvent.of(AccountEvent.Type.LOCKED, alice, null, NOW));
        disabled();
        fanOut();
        assertEquals(0, fanOut());
        assertEquals(List.of(), warden.outbox.claimNotFannedOut(100));
    }

    @Test
    void anIpSpreadAlarmRaisedAndResolvedIsTwoRiskChanges_andARedeliveredAlarmEventIsToldOnce() {
        SsfStreamId all = stream(null);
        AlarmEvent raised = anAlarmEvent().of(alice).raised().build();
        AlarmEvent resolved = anAlarmEvent().of(alice).forAlarm(raised.alarmId()).resolved().at(NOW.plusSeconds(60))
                .build();
        warden.useCases.recordAlarmEvent().record(raised);
        warden.useCases.recordAlarmEvent().record(raised);
        fanOut();
        warden.useCases.recordAlarmEvent().record(resolved);
        warden.useCases.recordAlarmEvent().record(raised);
        fanOut();

        List<SsfQueuedEvent> got = queued(all);
        assertEquals(List.of(raised.eventId().toString(), resolved.eventId().toString()),
                got.stream().map(SsfQueuedEvent::txn).toList());
        assertEquals(List.of("HIGH", "LOW"), got.stream().map(e -> e.fields().get("current_level")).toList());
        assertEquals(SsfEventTypes.RISK_LEVEL_CHANGE, got.getFirst().eventType());
    }

    @Test
    void aBatchThatFailsHalfwayQueuesNothingAndIsRetriedWhole() {
        SsfStreamId first = stream(null);
        SsfStreamId second = stream(null);
        AccountEvent event = disabled();
        boolean[] failed = {false};
        SsfStreams failingOnce = (SsfStreams) Proxy.newProxyInstance(SsfStreams.class.getClassLoader(),
                new Class<?>[] {SsfStreams.class}, (proxy, method, args) -> {
                    if (method.getName().equals("enqueue") && args[0].equals(second) && !failed[0]) {
                        failed[0] = true;
                        throw new IllegalStateException("the database went away");
                    }
                    try {
                        return method.invoke(warden.streams, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        EventFanOutService fanOut = new EventFanOutService(warden.transactions, warden.outbox, failingOnce,
                warden.clock);

        assertThrows(IllegalStateException.class, () -> fanOut.fanOutOnce(ISS));
        assertEquals(List.of(), queued(first), "rolled back with the failure");

        fanOut.fanOutOnce(ISS);
        for (SsfStreamId stream : List.of(first, second)) {
            assertEquals(List.of(event.eventId().toString()), queued(stream).stream().map(SsfQueuedEvent::txn).toList());
        }
    }
}
