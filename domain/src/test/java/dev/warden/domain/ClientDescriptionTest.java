package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientDescriptionTest {

    @Test
    void givenMissingParts_thenNamesReadUnknownAndVersionsAreEmpty() {
        ClientDescription described = new ClientDescription(null, null, " ", "  ", DeviceType.UNKNOWN);
        assertEquals(ClientDescription.UNKNOWN, described);
        assertEquals("Unknown", described.browser());
        assertEquals("", described.browserVersion());
        assertEquals("Unknown", described.os());
        assertEquals("", described.osVersion());
    }

    @Test
    void givenPartsFromAHostileHeader_thenTheyAreCappedAndCleaned() {
        ClientDescription described = new ClientDescription("B".repeat(500), "1\u0000", "Linux", "", DeviceType.DESKTOP);
        assertEquals("B".repeat(ClientDescription.MAX_PART_LENGTH) + BoundedText.CUT_MARKER, described.browser());
        assertEquals("1\uFFFD", described.browserVersion());
    }

    @Test
    void aDeviceTypeIsRequired_andReadsInLowerCaseOnTheWire() {
        assertThrows(NullPointerException.class, () -> new ClientDescription("Firefox", "121.0", "Linux", "", null));
        assertEquals("tablet", DeviceType.TABLET.wireName());
        assertEquals("unknown", DeviceType.UNKNOWN.wireName());
    }
}
