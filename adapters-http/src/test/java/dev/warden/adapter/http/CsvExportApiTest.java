package dev.warden.adapter.http;

import static dev.warden.domain.testdata.TestData.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.SessionCursor;
import dev.warden.application.port.out.StoreUnavailable;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Accept: text/csv} on the Sessions and Auth Audit lists: every matching row, streamed. */
class CsvExportApiTest {
    private static final FakeWarden WARDEN = new FakeWarden();
    private static final String CSV = "text/csv";
    private static final String SESSIONS = "/api/admin/sessions";
    private static final String AUDIT = "/api/admin/audit";
    private static final String SESSIONS_HEADER =
            "id,userId,username,ipAddress,userAgent,client.browser,client.browserVersion,client.os,client.osVersion,"
                    + "client.deviceType,createdAt,lastActiveAt,expiresAt,idleExpiresAt";
    private static final String AUDIT_HEADER =
            "id,type,occurredAt,userId,username,actorId,actorUsername,sessionId,ipAddress,userAgent,reason";
    @RegisterExtension
    static final ApiServer server = ApiServer.over(WARDEN);

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    private static String[] admin(String accept) {
        return new String[] {"Authorization", "Bearer " + WARDEN.adminToken.reveal(), "Accept", accept};
    }

    /** The records of a CSV body without line breaks inside fields, after checking each ends with CRLF. */
    private static List<String> lines(String csv) {
        assertTrue(csv.endsWith("\r\n"), "the last record ends with CRLF");
        assertFalse(csv.replace("\r\n", "").contains("\n"), "no bare LF");
        return List.of(csv.substring(0, csv.length() - 2).split("\r\n", -1));
    }

    /** Sessions whose last activity goes back a second at a time, newest first, as the list orders them. */
    private static List<Session> sessions(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> aSession().withIp("203.0.113." + (i % 250))
                        .lastActiveAt(FakeWarden.NOW.minusSeconds(i)).build())
                .toList();
    }

    /** A keyset walk over {@code all}, as the store pages it: full pages carry the cursor after their last row. */
    private static Page<Session> pageOf(List<Session> all, ActiveSessionQuery query) {
        int from = 0;
        if (query.cursor() != null) {
            SessionCursor cursor = query.cursor();
            from = 1 + IntStream.range(0, all.size()).filter(i -> all.get(i).id().equals(cursor.id())).findFirst()
                    .orElseThrow();
        }
        int limit = query.page().limit();
        List<Session> items = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        String next = items.size() == limit
                ? new SessionCursor(items.getLast().lastActiveAt(), items.getLast().id()).encode()
                : null;
        return new Page<>(items, all.size(), limit, 0, next);
    }

    /** The export's query is the JSON list's (filters, order, cursor), but for its page: the largest, without a total. */
    private static void assertSameQueryButThePage(Record json, Record export) {
        assertEquals(json.getClass(), export.getClass());
        for (RecordComponent component : json.getClass().getRecordComponents()) {
            if (component.getName().equals("page")) {
                assertEquals(PageRequest.uncounted(PageRequest.MAX_LIMIT), value(component, export));
            } else {
                assertEquals(value(component, json), value(component, export), component.getName());
            }
        }
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(component.getName(), e);
        }
    }

    // ---- the sessions export ----

    @Test
    void givenAcceptCsv_whenListingSessions_thenCsvAttachmentWithHeaderRowAndTheJsonValues() {
        var csv = server.get(SESSIONS, admin(CSV));
        JsonNode json = server.get(SESSIONS, admin("application/json")).json().get("items");

        assertEquals(200, csv.status(), csv.body());
        assertEquals("text/csv; charset=utf-8", csv.contentType());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("")
                        .matches("attachment; filename=\"warden-sessions-\\d{8}T\\d{6}Z\\.csv\""),
                csv.headers().map().toString());
        assertEquals("no-store", csv.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("Accept", csv.headers().firstValue("Vary").orElse(null));
        List<String> lines = lines(csv.body());
        assertEquals(SESSIONS_HEADER, lines.get(0));
        assertEquals(json.size() + 1, lines.size(), csv.body());
        JsonNode first = json.get(0);
        List<String> expected = new ArrayList<>();
        for (String column : SESSIONS_HEADER.split(",")) {
            expected.add(first.at("/" + column.replace('.', '/')).asText()); // client.os: the nested field
        }
        assertEquals(String.join(",", expected), lines.get(1));
    }

    @Test
    void givenFiltersAndPaging_whenExportingSessions_thenTheListsFiltersAndOrderApplyAndPagingDoesNot() {
        String filters = "userId=" + WARDEN.user.id() + "&ip=203.0.113.0/24&q=bo&sort=username&order=asc";
        server.get(SESSIONS + "?" + filters + "&limit=" + PageRequest.MAX_LIMIT, admin("application/json"));
        Record jsonQuery = (Record) WARDEN.lastQuery;

        var reply = server.get(SESSIONS + "?" + filters + "&limit=7&offset=3", admin(CSV));

        assertEquals(200, reply.status(), reply.body());
        assertSameQueryButThePage(jsonQuery, (Record) WARDEN.lastQuery);
    }

    @Test
    void givenMorePagesThanOne_whenExportingSessions_thenEveryRowOnceInTheListsOrder() {
        List<Session> all = sessions(1_234);
        WARDEN.sessionPages = query -> pageOf(all, query);

        var reply = server.get(SESSIONS, admin(CSV));

        List<String> lines = lines(reply.body());
        assertEquals(1 + all.size(), lines.size());
        for (int i = 0; i < all.size(); i++) {
            assertTrue(lines.get(i + 1).startsWith(all.get(i).id() + ","), "row " + i);
        }
        assertEquals(3, WARDEN.calls.size(), "pages of 500, 500 and 234: " + WARDEN.calls);
    }

    @Test
    void givenCellsThatSpreadsheetsWouldEvaluate_whenExporting_thenPrefixedAndQuoted() {
        Session hostile = aSession().withIp("203.0.113.9")
                .withUserAgent("=HYPERLINK(\"http://evil.example\",\"Click\")")
                .lastActiveAt(FakeWarden.NOW).build();
        Session multiline = aSession().withIp("203.0.113.10").withUserAgent("@SUM(1+1)\r\nnext line")
                .lastActiveAt(FakeWarden.NOW).build();
        WARDEN.sessionPages = query -> new Page<>(List.of(hostile, multiline), 2, query.page().limit(), 0, null);

        String body = server.get(SESSIONS, admin(CSV)).body();

        assertTrue(body.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\","), body);
        assertTrue(body.contains(",\"'@SUM(1+1)\r\nnext line\","), body);
    }

    // ---- the audit export ----

    @Test
    void givenAcceptCsv_whenListingAudit_thenEveryFieldOfTheJsonEntryAsColumns() {
        AuditEntry entry = AuditEntry.of(AuditType.SESSION_TERMINATED, FakeWarden.NOW)
                .withUser(WARDEN.user.id(), WARDEN.user.username())
                .withActor(WARDEN.admin.id(), WARDEN.admin.username())
                .withSession(WARDEN.userSession.id())
                .withClient(new ClientInfo("2001:db8:0:0:0:0:0:1", "curl/8.5.0"))
                .withReason("ADMIN_TERMINATED");
        WARDEN.auditPages = query -> new Page<>(List.of(entry), 1, query.page().limit(), 0, null);

        var csv = server.get(AUDIT, admin(CSV));
        JsonNode json = server.get(AUDIT, admin("application/json")).json().get("items").get(0);

        assertEquals(200, csv.status(), csv.body());
        assertEquals("text/csv; charset=utf-8", csv.contentType());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("")
                .matches("attachment; filename=\"warden-audit-\\d{8}T\\d{6}Z\\.csv\""));
        List<String> lines = lines(csv.body());
        assertEquals(AUDIT_HEADER, lines.get(0));
        assertEquals(TestServer.fieldNames(json), List.of(AUDIT_HEADER.split(",")));
        List<String> expected = new ArrayList<>();
        TestServer.fieldNames(json).forEach(field -> expected.add(json.get(field).asText()));
        assertEquals(String.join(",", expected), lines.get(1));
        assertEquals(2, lines.size());
    }

    @Test
    void givenFiltersAndPaging_whenExportingAudit_thenTheListsFiltersApplyAndPagingDoesNot() {
        String filters = "userId=" + WARDEN.user.id() + "&username=Bob&ip=2001:db8::1&type=LOGIN_FAILED"
                + "&type=ACCOUNT_LOCKED&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";
        server.get(AUDIT + "?" + filters + "&limit=" + PageRequest.MAX_LIMIT, admin("application/json"));
        AuditQuery jsonQuery = (AuditQuery) WARDEN.lastQuery;

        var reply = server.get(AUDIT + "?" + filters + "&offset=20", admin(CSV));

        assertEquals(200, reply.status(), reply.body());
        assertSameQueryButThePage(jsonQuery, (Record) WARDEN.lastQuery);
        assertEquals(2, jsonQuery.types().size());
    }

    // ---- negotiation, authorization, bad input ----

    @ParameterizedTest
    @ValueSource(strings = {SESSIONS, AUDIT})
    void givenNoCsvPreference_whenListing_thenTheJsonPageAsBefore(String path) {
        for (String accept : List.of("application/json", "*/*", "text/csv;q=0.5, application/json")) {
            var reply = server.get(path, admin(accept));

            assertEquals(200, reply.status());
            assertEquals("application/json", reply.contentType(), accept);
            assertTrue(reply.json().get("items").isArray(), accept);
            assertEquals("Accept", reply.headers().firstValue("Vary").orElse(null), "the answer depends on Accept");
        }
        var withoutAccept = server.get(path, "Authorization", "Bearer " + WARDEN.adminToken.reveal());
        assertEquals("application/json", withoutAccept.contentType());
    }

    @ParameterizedTest
    @ValueSource(strings = {SESSIONS, AUDIT})
    void givenNoSessionOrUserRole_whenExporting_then401Or403ProblemAndNothingListed(String path) {
        var anonymous = server.get(path, "Accept", CSV);
        var userRole = server.get(path, "Authorization", "Bearer " + WARDEN.userToken.reveal(), "Accept", CSV);

        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("unauthenticated", anonymous.problem());
        assertEquals(403, userRole.status(), userRole.body());
        assertEquals("forbidden", userRole.problem());
        assertTrue(WARDEN.calls.isEmpty(), WARDEN.calls.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {SESSIONS + "?userId=not-a-uuid", SESSIONS + "?ip=10.0.0.0/8", AUDIT + "?type=NOPE",
            AUDIT + "?from=yesterday"})
    void givenABadFilter_whenExporting_then400ProblemNotAnEmptyFile(String pathAndQuery) {
        var reply = server.get(pathAndQuery, admin(CSV));

        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid-request", reply.problem());
    }

    @Test
    void givenTheDatabaseUnreachableAtTheStart_whenExporting_then503Problem() {
        WARDEN.failNextWith(new StoreUnavailable(new SQLException("refused", "08001")));

        var reply = server.get(SESSIONS, admin(CSV));

        assertEquals(503, reply.status(), reply.body());
        assertEquals("service-unavailable", reply.problem());
    }

    // ---- failures while streaming ----

    @Test
    void givenTheDatabaseFailsMidExport_whenDownloading_thenTheDownloadBreaksRatherThanLookComplete() {
        List<Session> all = sessions(1_500);
        AtomicInteger pages = new AtomicInteger();
        WARDEN.sessionPages = query -> {
            if (pages.incrementAndGet() == 2) {
                throw new StoreUnavailable(new SQLException("refused", "08001"));
            }
            return pageOf(all, query);
        };

        assertThrows(UncheckedIOException.class, () -> server.get(SESSIONS, admin(CSV)));
        assertEquals(2, pages.get());
        assertEquals(1, logged.size(), "one warning: " + logged);
        assertNull(logged.getFirst().getThrown(), "no stack trace");
        assertTrue(logged.getFirst().getMessage().contains("StoreUnavailable"), logged.getFirst().getMessage());
    }

    @Test
    void givenTheClientGoesAwayMidExport_whenStreaming_thenTheWalkStopsAndNothingIsLoggedAsAnError()
            throws IOException, InterruptedException {
        // An endless list: only the client's going away can end this export.
        List<Session> page = sessions(PageRequest.MAX_LIMIT);
        AtomicInteger pages = new AtomicInteger();
        WARDEN.sessionPages = query -> {
            pages.incrementAndGet();
            return new Page<>(page, Long.MAX_VALUE, query.page().limit(), 0,
                    new SessionCursor(page.getLast().lastActiveAt(), page.getLast().id()).encode());
        };

        try (Socket socket = new Socket("127.0.0.1", server.uri("/").getPort())) {
            socket.getOutputStream().write(("GET " + SESSIONS + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\n"
                    + "Authorization: Bearer " + WARDEN.adminToken.reveal() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(200_000);
            assertTrue(new String(start, StandardCharsets.UTF_8).startsWith("HTTP/1.1 200"));
        }

        int stoppedAt = awaitStable(pages);
        Thread.sleep(500);
        assertEquals(stoppedAt, pages.get(), "no page is read after the client went away");
        assertTrue(logged.isEmpty(), "nothing at WARNING or above: " + logged.stream()
                .map(r -> r.getLevel() + " " + r.getMessage()).toList());
        WARDEN.sessionPages = null;
        assertEquals(200, server.get(SESSIONS, admin(CSV)).status(), "the server still answers");
    }

    /** The counter once it has not moved for 300 ms (at most 10 s). */
    private static int awaitStable(AtomicInteger counter) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int seen = counter.get();
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            int now = counter.get();
            if (now == seen) {
                return now;
            }
            seen = now;
        }
        throw new AssertionError("the export kept reading pages after the client went away: " + seen);
    }
}
