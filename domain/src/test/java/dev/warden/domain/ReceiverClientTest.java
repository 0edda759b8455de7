package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiverClientTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void givenATypedName_thenItIsTrimmedAndCheckedForLengthAndControlCharacters() {
        assertEquals("Security lake", ReceiverClient.requireName("  Security lake \t"));
        assertEquals("x".repeat(100), ReceiverClient.requireName("x".repeat(100)));
        assertEquals("name is required", assertThrows(IllegalArgumentException.class,
                () -> ReceiverClient.requireName("   ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReceiverClient.requireName(null));
        assertEquals("name must be at most 100 characters", assertThrows(IllegalArgumentException.class,
                () -> ReceiverClient.requireName("x".repeat(101))).getMessage());
        assertEquals("name must not contain control characters", assertThrows(IllegalArgumentException.class,
                () -> ReceiverClient.requireName("siem\u0000")).getMessage());
    }

    @Test
    void givenAClientSecret_thenOnlyItsOwnHashMatchesAndItNeverPrints() {
        ClientSecret secret = ClientSecret.generate(RANDOM);
        assertEquals(43, secret.reveal().length());
        assertTrue(ClientSecret.parse(secret.reveal()).matches(secret.hash()));
        assertFalse(ClientSecret.generate(RANDOM).matches(secret.hash()));
        assertFalse(secret.matches(null));
        assertFalse(secret.toString().contains(secret.reveal()));
        assertThrows(IllegalArgumentException.class, () -> ClientSecret.parse("short"));
    }

    @Test
    void givenTheSameRandomValue_thenSecretTokenAndSessionHashesDiffer() {
        String value = SessionToken.generate(RANDOM).reveal();
        assertNotEquals(SessionToken.parse(value).hash(), ClientSecret.parse(value).hash());
        assertNotEquals(ClientSecret.parse(value).hash(), ReceiverAccessToken.parse(value).hash());
        assertNotEquals(SessionToken.parse(value).hash(), ReceiverAccessToken.parse(value).hash());
        assertFalse(ReceiverAccessToken.parse(value).toString().contains(value));
    }

    @Test
    void givenScopeText_thenParsedPerRfc6749WithBothAsTheDefault() {
        assertEquals(EnumSet.allOf(ReceiverScope.class), ReceiverScope.parse(null));
        assertEquals(Set.of(ReceiverScope.SSF_READ), ReceiverScope.parse("ssf.read"));
        assertEquals(EnumSet.allOf(ReceiverScope.class), ReceiverScope.parse("ssf.read ssf.manage ssf.read"));
        assertEquals("ssf.manage ssf.read", ReceiverScope.names(EnumSet.allOf(ReceiverScope.class)));
        for (String bad : new String[] {"", " ssf.read", "ssf.read ", "ssf.read  ssf.manage", "SSF.READ", "openid"}) {
            assertThrows(IllegalArgumentException.class, () -> ReceiverScope.parse(bad), bad);
        }
    }

    @Test
    void givenATokenLifetime_thenOneSecondToSixtyMinutesIsAccepted() {
        assertEquals(Duration.ofMinutes(15), ReceiverTokenPolicy.DEFAULTS.tokenLifetime());
        new ReceiverTokenPolicy(Duration.ofMinutes(60));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverTokenPolicy(Duration.ofMinutes(61)));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverTokenPolicy(Duration.ZERO));
    }

    @Test
    void givenAStoredToken_thenItExpiresAtItsExpiryInstant() {
        ReceiverToken token = new ReceiverToken(ReceiverAccessToken.generate(RANDOM).hash(), ReceiverClientId.random(),
                Set.of(ReceiverScope.SSF_READ), NOW);
        assertFalse(token.expiredAt(NOW.minusMillis(1)));
        assertTrue(token.expiredAt(NOW));
        assertThrows(IllegalArgumentException.class, () -> new ReceiverToken(token.tokenHash(), token.clientId(),
                Set.of(), NOW));
    }

    @Test
    void givenASecurityEvent_thenItNeedsASubjectFormatAndText() {
        Map<String, Object> subject = Map.of("format", "opaque", "id", "stream-1");
        SecurityEvent event = new SecurityEvent("aud", NOW, "jti-1", "txn-1", subject,
                "https://schemas.openid.net/secevent/ssf/event-type/verification", Map.of("state", "abc"));
        assertEquals("opaque", event.subjectId().get("format"));
        assertThrows(IllegalArgumentException.class, () -> new SecurityEvent("aud", NOW, "jti-1", "txn-1",
                Map.of("id", "x"), event.eventType(), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SecurityEvent("aud", NOW, " ", "txn-1",
                subject, event.eventType(), Map.of()));
    }
}
