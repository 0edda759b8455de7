package dev.warden.application.contract;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.SsfStreams;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every SsfStreams must do. */
public abstract class SsfStreamsContract extends PortContract {
    private static final Instant T = NOW.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    protected SsfStreams streams;
    private ReceiverClientId client;
    private Account alice;

    @BeforeEach
    void setUpStreams() {
        streams = ports.streams();
        Account admin = anAccount("admin").build();
        alice = anAccount("alice").build();
        ports.accounts().insert(admin);
        ports.accounts().insert(alice);
        client = aClient(admin);
    }

    private ReceiverClientId aClient(Account admin) {
        ReceiverClient c = new ReceiverClient(ReceiverClientId.random(), "Receiver",
                ClientSecret.generate(new SecureRandom()).hash(), T, admin.id(), null);
        ports.receivers().insert(c);
        return c.id();
    }

    private SsfStream aStream(SsfDelivery delivery, Instant createdAt) {
        SsfStream stream = SsfStream.created(SsfStreamId.random(), client, "Lake \u00e9t\u00e9", delivery,
                List.of(SsfEventTypes.SESSION_REVOKED, "urn:example:other"), createdAt);
        streams.insert(stream);
        return stream;
    }

    private static SsfQueuedEvent anEvent(String jti, Instant at) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("user", Map.of("format", "iss_sub", "iss", "https://w.example", "sub", "u1"));
        subject.put("session", Map.of("format", "opaque", "id", "s1"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event_timestamp", 1767225600);
        fields.put("initiating_entity", "admin");
        fields.put("reason_admin", Map.of("en", "ADMIN_TERMINATED"));
        fields.put("ips", List.of("203.0.113.7", "2001:db8::1"));
        return new SsfQueuedEvent(jti, "txn-" + jti, SsfEventTypes.SESSION_REVOKED, subject, fields, at);
    }

    @Test
    void givenStreams_thenEveryPropertyRoundTripsAndTheyAreListedOldestFirst() {
        SsfStream push = aStream(new SsfDelivery(SsfDelivery.Method.PUSH, URI.create("https://r.example/events"),
                "Bearer x"), T.plusSeconds(1));
        SsfStream poll = aStream(SsfDelivery.POLL, T);

        assertEquals(push, streams.find(push.id()).orElseThrow());
        assertEquals(poll, streams.find(poll.id()).orElseThrow());
        assertEquals(List.of(poll, push), streams.listOf(client));
        assertEquals(List.of(poll, push), streams.listAll());
        assertEquals(List.of(), streams.listOf(ReceiverClientId.random()));
        assertTrue(streams.find(SsfStreamId.random()).isEmpty());
    }

    @Test
    void anUpdateStoresTheNewConfigurationStatusAndVerificationTime() {
        SsfStream stream = aStream(SsfDelivery.POLL, T);
        SsfStream changed = stream.configured(null, new SsfDelivery(SsfDelivery.Method.PUSH,
                URI.create("https://r.example/e"), null), null)
                .withStatus(SsfStreamStatus.PAUSED, "maintenance").verificationRequestedAt(T.plusSeconds(5));

        streams.update(changed);

        assertEquals(changed, streams.find(stream.id()).orElseThrow());
    }

    @Test
    void theQueueKeepsEventsInOrderWithTheirContent_removesByJti_andIgnoresADuplicateJti() {
        SsfStream stream = aStream(SsfDelivery.POLL, T);
        SsfQueuedEvent first = anEvent("j1", T);
        SsfQueuedEvent second = anEvent("j2", T.plusSeconds(1));
        SsfQueuedEvent third = anEvent("j3", T.plusSeconds(2));
        streams.enqueue(stream.id(), first);
        streams.enqueue(stream.id(), second);
        streams.enqueue(stream.id(), third);
        streams.enqueue(stream.id(), anEvent("j1", T.plusSeconds(9)));

        assertEquals(List.of(first, second, third), streams.queued(stream.id(), 10));
        assertEquals(List.of(first, second), streams.queued(stream.id(), 2));
        assertEquals(3, streams.pending(stream.id()));
        assertEquals(2, streams.remove(stream.id(), List.of("j1", "j3", "unknown")));
        assertEquals(List.of(second), streams.queued(stream.id(), 10));
        streams.clear(stream.id());
        assertEquals(0, streams.pending(stream.id()));
    }

    @Test
    void removalMatchesEachJtiWhole_whateverItsCharacters() {
        SsfStream stream = aStream(SsfDelivery.POLL, T);
        String odd = "a,b \"quoted\" back\\slash [x] é";
        streams.enqueue(stream.id(), anEvent("a", T));
        streams.enqueue(stream.id(), anEvent("b", T.plusSeconds(1)));
        streams.enqueue(stream.id(), anEvent(odd, T.plusSeconds(2)));

        // A receiver's acknowledgement "a,b" is one jti, not two: it removes nothing.
        assertEquals(0, streams.remove(stream.id(), List.of("a,b", "[\"a\"]", "")));
        assertEquals(3, streams.pending(stream.id()));
        assertEquals(1, streams.remove(stream.id(), List.of(odd, odd)));
        assertEquals(List.of("a", "b"), streams.queued(stream.id(), 10).stream().map(SsfQueuedEvent::jti).toList());
    }

    @Test
    void queuesAreSeparatePerStream() {
        SsfStream a = aStream(SsfDelivery.POLL, T);
        SsfStream b = aStream(SsfDelivery.POLL, T.plusSeconds(1));
        streams.enqueue(a.id(), anEvent("same", T));
        streams.enqueue(b.id(), anEvent("same", T));

        assertEquals(1, streams.remove(a.id(), List.of("same")));
        assertEquals(1, streams.pending(b.id()));
    }

    @Test
    void subjectsAreExcludedWhenRemovedAndIncludedAgainWhenAdded() {
        SsfStream stream = aStream(SsfDelivery.POLL, T);

        streams.setSubject(stream.id(), alice.id(), false);
        assertEquals(List.of(alice.id()), streams.excludedSubjects(stream.id()));
        streams.setSubject(stream.id(), alice.id(), true);
        assertEquals(List.of(), streams.excludedSubjects(stream.id()));
    }

    @Test
    void deliveriesAndErrorsAreRecorded_andAnUpdateKeepsThem() {
        SsfStream stream = aStream(SsfDelivery.POLL, T);

        streams.recordDelivered(stream.id(), T.plusSeconds(3));
        streams.recordError(stream.id(), "receiver rejected j1: invalid_key");
        streams.update(stream.withStatus(SsfStreamStatus.PAUSED, null));

        SsfStream read = streams.find(stream.id()).orElseThrow();
        assertEquals(T.plusSeconds(3), read.lastDeliveredAt());
        assertEquals("receiver rejected j1: invalid_key", read.lastError());
        assertEquals(SsfStreamStatus.PAUSED, read.status());
    }

    @Test
    void deletingAStreamDeletesItsQueueAndSubjects() {
        SsfStream stream = aStream(SsfDelivery.POLL, T);
        streams.enqueue(stream.id(), anEvent("j1", T));
        streams.setSubject(stream.id(), alice.id(), false);

        assertTrue(streams.delete(stream.id()));

        assertTrue(streams.find(stream.id()).isEmpty());
        assertEquals(0, streams.pending(stream.id()));
        assertEquals(List.of(), streams.excludedSubjects(stream.id()));
        assertFalse(streams.delete(stream.id()));
    }

    @Test
    void aChangeRollsBackWithItsTransaction() {
        SsfStream stream = aStream(SsfDelivery.POLL, T);
        try {
            ports.transactions().run(() -> {
                streams.enqueue(stream.id(), anEvent("j1", T));
                streams.update(stream.withStatus(SsfStreamStatus.DISABLED, null));
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(0, streams.pending(stream.id()));
        assertEquals(SsfStreamStatus.ENABLED, streams.find(stream.id()).orElseThrow().status());
    }
}
