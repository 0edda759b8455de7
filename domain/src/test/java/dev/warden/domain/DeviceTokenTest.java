package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeviceTokenTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aDeviceTokenIs256RandomBitsInBase64UrlAndReadsBackFromItsCookie() {
        DeviceToken token = DeviceToken.generate(random);

        assertEquals(32, Base64.getUrlDecoder().decode(token.reveal()).length);
        assertEquals(token, DeviceToken.parse(token.reveal()));
        assertEquals(token.hash(), DeviceToken.parse(token.reveal()).hash());
    }

    @Test
    void itsHashIsNotTheHashASessionTokenOfTheSameTextWouldHave() {
        DeviceToken device = DeviceToken.generate(random);

        assertNotEquals(SessionToken.parse(device.reveal()).hash(), device.hash());
        assertFalse(device.hash().value().contains(device.reveal()));
    }

    @Test
    void malformedCookiesAreRefusedAndNothingPrintsTheSecret() {
        assertThrows(IllegalArgumentException.class, () -> DeviceToken.parse(null));
        assertThrows(IllegalArgumentException.class, () -> DeviceToken.parse("short"));
        assertThrows(IllegalArgumentException.class, () -> DeviceToken.parse("a".repeat(42) + "="));
        DeviceToken token = DeviceToken.generate(random);
        assertFalse(token.toString().contains(token.reveal()));
    }
}
