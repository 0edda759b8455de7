package dev.warden.application.port.in.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.PageCursor;
import dev.warden.application.port.in.PageRequest;
import dev.warden.domain.AuditType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditQueryTest {
    private static final AuditQuery ALL = AuditQuery.all(PageRequest.FIRST);
    private static final Instant AT = Instant.parse("2026-11-26T15:04:05Z");

    @Test
    void givenACursorAndAnOffset_thenInvalidRequest() {
        PageCursor cursor = new PageCursor(AT, UUID.randomUUID());

        InvalidRequest error = assertThrows(InvalidRequest.class,
                () -> AuditQuery.all(new PageRequest(50, 10)).after(cursor));

        assertEquals("Use either cursor or offset, not both.", error.getMessage());
        assertEquals(cursor, ALL.after(cursor).cursor());
    }

    @Test
    void givenFromAfterTo_thenInvalidRequestNamingBoth() {
        InvalidRequest error = assertThrows(InvalidRequest.class, () -> ALL.between(AT, AT.minusNanos(1)));

        assertEquals("from must not be after to.", error.getMessage());
        assertEquals(AT, ALL.between(AT, AT).to(), "an empty window is no error");
    }

    @Test
    void givenAnInstantOutsideFourDigitYears_thenInvalidRequestNamingTheParameter() {
        Instant tooLate = Instant.parse("+10000-01-01T00:00:00Z");
        Instant tooEarly = Instant.parse("0000-12-31T23:59:59Z");

        assertEquals("to must lie between the years 0001 and 9999.",
                assertThrows(InvalidRequest.class, () -> ALL.between(null, tooLate)).getMessage());
        assertEquals("from must lie between the years 0001 and 9999.",
                assertThrows(InvalidRequest.class, () -> ALL.between(tooEarly, null)).getMessage());
        assertEquals(AuditQuery.EARLIEST, ALL.between(AuditQuery.EARLIEST, AuditQuery.LATEST).from());
    }

    @Test
    void givenAName_thenItIsKeptInTheFormALoginRecordsAndBlankMeansNone() {
        assertEquals("finn", ALL.withUsername(" \uFB01nn ").username());
        assertNull(ALL.withUsername("   ").username());
        assertEquals("x".repeat(64) + "\u2026", ALL.withUsername("x".repeat(200)).username(),
                "cut as a long typed name is cut, so it finds that name's entries");
    }

    @Test
    void givenAnOverlongAddress_thenInvalidRequest() {
        assertEquals("ip must be at most 64 characters.",
                assertThrows(InvalidRequest.class, () -> ALL.withIp("1".repeat(65))).getMessage());
        assertNull(ALL.withIp(" ").ipAddress());
    }

    @Test
    void givenTypesInAnyOrderOrTwice_thenOneOfEachInDeclarationOrder() {
        AuditQuery query = ALL.withTypes(AuditType.LOGOUT, AuditType.LOGIN_FAILED, AuditType.LOGOUT);

        assertEquals(List.of(AuditType.LOGIN_FAILED, AuditType.LOGOUT), List.copyOf(query.types()));
        assertEquals(Set.of(), new AuditQuery(PageRequest.FIRST, null, null, null, null, null, null, null).types());
    }
}
