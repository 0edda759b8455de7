package dev.warden.application.port.in.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.SortOrder;
import dev.warden.domain.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionCursorTest {
    private static final String ID = "0b9e7a52-4a3c-4a7e-9a51-6f1f0c2d3e4f";

    @Test
    void givenAnIssuedCursor_thenItDecodesToTheSamePosition() {
        SessionCursor cursor = new SessionCursor(Instant.parse("2026-11-26T15:04:05.123456Z"), SessionId.parse(ID));

        assertEquals(cursor, SessionCursor.decode(cursor.encode()));
    }

    @Test
    void givenTheLatestAllowedInstant_thenItStillDecodes() {
        SessionCursor cursor = new SessionCursor(SessionCursor.LATEST, SessionId.parse(ID));

        assertEquals(cursor, SessionCursor.decode(cursor.encode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "31556889864403199.0." + ID,          // Instant.MAX: a valid Instant PostgreSQL cannot compare
            "253402300800.0." + ID,               // year 10000
            "9223372036854775807.0." + ID,        // Long.MAX_VALUE seconds
            "99999999999999999999.0." + ID,       // past Long
            "-1.0." + ID,                         // before 1970
            "1.1000000000." + ID,                 // nanos past a second
            "01.0." + ID,                         // leading zero
            "+1.0." + ID,                         // sign
            " 1.0." + ID,                         // whitespace
            "1.0." + "0B9E7A52-4A3C-4A7E-9A51-6F1F0C2D3E4F", // upper-case id: not what encode writes
            "1.0.1-2-3-4-5",                      // shortened UUID
            "1.0",                                // missing id
            "1.0." + ID + "\u0000",               // trailing NUL
    })
    void givenACraftedCursor_thenInvalidRequest(String plain) {
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));

        InvalidRequest error = assertThrows(InvalidRequest.class, () -> SessionCursor.decode(text));
        assertEquals("cursor is not valid; use the nextCursor of a previous page.", error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(SessionSort.class)
    void givenACursorOfEverySort_thenItDecodesToTheSamePosition(SessionSort sort) {
        String key = switch (sort.keyType()) {
            case INSTANT -> "1764000000.123456000";
            case TEXT -> "Zoë:o'Brien.42"; // the separators and non-ASCII stay inside the key
        };
        for (SortOrder order : SortOrder.values()) {
            SessionCursor cursor = new SessionCursor(sort, order, key, SessionId.parse(ID));

            assertEquals(cursor, SessionCursor.decode(cursor.encode()));
        }
    }

    @Test
    void givenTheLongestUsernameInThreeByteLetters_thenItsCursorFitsAndDecodes() {
        String name = "漢".repeat(64); // the username rule's most: 64 letters, 3 UTF-8 bytes each
        SessionCursor cursor = new SessionCursor(SessionSort.USERNAME, SortOrder.DESC, name, SessionId.parse(ID));

        String text = cursor.encode();

        assertTrue(text.length() <= SessionCursor.MAX_TEXT_LENGTH, text.length() + " characters");
        assertEquals(cursor, SessionCursor.decode(text));
    }

    @Test
    void givenACursorOfAnotherSortOrDirection_whenQueried_thenInvalidRequestNamingItsSort() {
        SessionCursor byName = new SessionCursor(SessionSort.USERNAME, SortOrder.ASC, "alice", SessionId.parse(ID));

        InvalidRequest otherSort = assertThrows(InvalidRequest.class, () -> new ActiveSessionQuery(
                PageRequest.FIRST, byName, null, null, null, SessionSort.CREATED_AT, SortOrder.ASC));
        assertThrows(InvalidRequest.class, () -> new ActiveSessionQuery(
                PageRequest.FIRST, byName, null, null, null, SessionSort.USERNAME, SortOrder.DESC));
        assertThrows(InvalidRequest.class, () -> new ActiveSessionQuery(PageRequest.FIRST, byName, null, null, null));
        assertEquals("cursor belongs to sort=username&order=asc; start again without a cursor after changing the sort.",
                otherSort.getMessage());
        assertEquals(byName, new ActiveSessionQuery(PageRequest.FIRST, byName, null, null, null,
                SessionSort.USERNAME, SortOrder.ASC).cursor());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "username:asc::" + ID,                                   // empty name
            "username:asc:" + "QUFB" + ":" + ID + ":x",                // a fifth part
            "createdAt:asc:1.2.3:" + ID,                             // not an instant
            "created:asc:1.0:" + ID,                                 // no such sort
            "createdAt:up:1.0:" + ID,                                // no such order
            "ipAddress:asc:AAo:" + ID,                               // a control character in the key
    })
    void givenACraftedCursorOfTheSortedForm_thenInvalidRequest(String plain) {
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));

        assertThrows(InvalidRequest.class, () -> SessionCursor.decode(text));
    }

    @Test
    void givenNonCanonicalBase64_thenInvalidRequest() {
        String issued = new SessionCursor(Instant.parse("2026-11-26T15:04:05Z"), SessionId.parse(ID)).encode();

        assertThrows(InvalidRequest.class, () -> SessionCursor.decode(issued + "=="));
        assertThrows(InvalidRequest.class, () -> SessionCursor.decode("%%%"));
        assertThrows(InvalidRequest.class, () -> SessionCursor.decode("A".repeat(10_000)));
        assertThrows(InvalidRequest.class, () -> SessionCursor.decode(null));
    }
}
