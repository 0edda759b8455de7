package dev.warden.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class UuidsTest {
    @Test
    void canonicalIdsInEitherCaseAreRead() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

        assertEquals(id, Uuids.parse("0f8fad5b-d9cb-469f-a165-70867728950e", "sessionId"));
        assertEquals(id, Uuids.parse("0F8FAD5B-D9CB-469F-A165-70867728950E", "sessionId"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1-2-3-4-5", "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950e0",
            "0f8fad5bd-9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165-70867728950g",
            "0f8fad5b_d9cb_469f_a165_70867728950e", "{f8fad5b-d9cb-469f-a165-70867728950}",
            "0f8fad5b-d9cb-469f-a165-7086772895\u0000e"})
    void anythingElseIsRefusedNamingTheField(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Uuids.parse(text, "userId"));

        assertEquals("userId must be a UUID", refused.getMessage());
    }
}
