package dev.warden.adapter.http;

import static dev.warden.domain.testdata.TestData.aSession;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.domain.AuditEntry;
import dev.warden.domain.AuditType;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.ClientInfo;
import dev.warden.domain.Session;
import dev.warden.domain.SessionId;
import dev.warden.domain.UserId;
import dev.warden.domain.WardenPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvColumnsTest {
    private final Views views = new Views(WardenPolicy.DEFAULTS, userAgent -> ClientDescription.UNKNOWN);

    /** A JSON view's field names, a nested object's fields as {@code object.field}. */
    private static List<String> flattenedNames(Map<String, Object> json) {
        List<String> names = new ArrayList<>();
        json.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                nested.keySet().forEach(field -> names.add(name + "." + field));
            } else {
                names.add(name);
            }
        });
        return names;
    }

    @Test
    void sessionExportHasAColumnForEveryFieldOfTheSessionJsonInItsOrder() {
        Session session = aSession().withIp("203.0.113.7").withUserAgent("Mozilla/5.0").build();

        assertEquals(flattenedNames(views.session(session)), CsvColumns.SESSIONS.names());
    }

    @Test
    void auditExportHasAColumnForEveryFieldOfTheAuditEntryJsonInItsOrder() {
        AuditEntry entry = AuditEntry.of(AuditType.SESSION_TERMINATED, Instant.parse("2026-11-26T15:04:05Z"))
                .withUser(UserId.random(), "bob")
                .withActor(UserId.random(), "alice")
                .withSession(SessionId.random())
                .withClient(new ClientInfo("203.0.113.7", "Mozilla/5.0"))
                .withReason("ADMIN_TERMINATED");

        assertEquals(flattenedNames(views.auditEntry(entry)), CsvColumns.AUDIT.names());
    }

    @Test
    void givenJsonView_whenMakingCells_thenEachColumnsValueAsTextAndNullForNullOrAbsent() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "s-1");
        json.put("count", 3);
        json.put("flag", true);
        json.put("none", null);
        json.put("client", Map.of("browser", "Firefox"));
        CsvColumns columns = new CsvColumns(List.of("id", "count", "flag", "none", "missing", "client.browser",
                "client.os", "id.nested"));

        assertEquals(Arrays.asList("s-1", "3", "true", null, null, "Firefox", null, null), columns.cells(json));
    }
}
