package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stream's delivery, requested event types, texts and verification interval. */
class SsfStreamTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String PUSH = "urn:ietf:rfc:8935";
    private static final String POLL = "urn:ietf:rfc:8936";

    @Test
    void pushNeedsAnAbsoluteHttpsEndpointWithAHost_httpOnlyWhenAllowed() {
        SsfDelivery push = SsfDelivery.requested(PUSH, "https://r.example:8443/events?x=1", "Bearer t", false);
        assertEquals(URI.create("https://r.example:8443/events?x=1"), push.endpointUrl());
        assertEquals("http://r.example/e",
                SsfDelivery.requested(PUSH, "http://r.example/e", null, true).endpointUrl().toString());
        for (String bad : List.of("http://r.example/e", "ftp://r.example/e", "https:///nohost", "/relative",
                "https://user:pw@r.example/", "https://r.example/#frag", "not a uri", "https://r.example/\u0000")) {
            assertThrows(IllegalArgumentException.class, () -> SsfDelivery.requested(PUSH, bad, null, false), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> SsfDelivery.requested(PUSH, null, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> SsfDelivery.requested(PUSH, "https://r.example/", "line\nbreak", false));
    }

    @Test
    void pollTakesNeitherAnEndpointNorAHeader_andUnknownMethodsAreRefused() {
        assertEquals(SsfDelivery.POLL, SsfDelivery.requested(POLL, null, null, false));
        assertThrows(IllegalArgumentException.class, () -> SsfDelivery.requested(POLL, "https://r.example/", null, false));
        assertThrows(IllegalArgumentException.class, () -> SsfDelivery.requested(POLL, null, "Bearer t", false));
        assertThrows(IllegalArgumentException.class, () -> SsfDelivery.requested("urn:example:x", null, null, false));
    }

    @Test
    void theAuthorizationHeaderNeverShowsInToString() {
        SsfDelivery push = SsfDelivery.requested(PUSH, "https://r.example/", "Bearer very-secret", false);

        assertFalse(push.toString().contains("very-secret"));
    }

    @Test
    void eventsDeliveredAreTheRequestedSupportedOnes_inTheSupportedOrder() {
        SsfStream all = SsfStream.created(SsfStreamId.random(), ReceiverClientId.random(), null, SsfDelivery.POLL,
                null, NOW);
        SsfStream some = SsfStream.created(SsfStreamId.random(), ReceiverClientId.random(), null, SsfDelivery.POLL,
                List.of("urn:example:x", SsfEventTypes.ACCOUNT_DISABLED, SsfEventTypes.SESSION_REVOKED,
                        SsfEventTypes.SESSION_REVOKED), NOW);

        assertEquals(SsfEventTypes.SUPPORTED, all.eventsDelivered());
        assertEquals(List.of(SsfEventTypes.SESSION_REVOKED, SsfEventTypes.ACCOUNT_DISABLED), some.eventsDelivered());
        assertEquals(3, some.eventsRequested().size(), "duplicates dropped, unknown ones kept as requested");
        assertThrows(IllegalArgumentException.class, () -> SsfStream.created(SsfStreamId.random(),
                ReceiverClientId.random(), null, SsfDelivery.POLL, List.of("urn:example:only"), NOW));
    }

    @Test
    void textsAreTrimmedBoundedAndFreeOfControlCharacters() {
        assertEquals("lake", SsfStream.optionalText("  lake ", "description"));
        assertNull(SsfStream.optionalText("   ", "description"));
        assertThrows(IllegalArgumentException.class, () -> SsfStream.optionalText("a\u0000b", "description"));
        assertThrows(IllegalArgumentException.class, () -> SsfStream.optionalText("x".repeat(257), "reason"));
    }

    @Test
    void aVerificationIsAllowedOncePerInterval() {
        SsfStream stream = SsfStream.created(SsfStreamId.random(), ReceiverClientId.random(), null, SsfDelivery.POLL,
                null, NOW);
        assertNull(stream.nextVerificationAllowedAt(NOW));

        SsfStream verified = stream.verificationRequestedAt(NOW);

        assertEquals(NOW.plus(SsfStream.MIN_VERIFICATION_INTERVAL), verified.nextVerificationAllowedAt(NOW.plusSeconds(1)));
        assertNull(verified.nextVerificationAllowedAt(NOW.plus(SsfStream.MIN_VERIFICATION_INTERVAL)));
        assertTrue(SsfStreamStatus.PAUSED.keepsEvents() && !SsfStreamStatus.DISABLED.keepsEvents());
    }
}
