package dev.warden.adapter.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.contract.AuditTrailContract;
import dev.warden.application.contract.Ports;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DbClientAuditTrailIT extends AuditTrailContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }

    /**
     * Each filter shape of the Auth Audit page reads the index meant for it, even planned for any value:
     * one type among many common ones, in particular, must not walk every entry newest first.
     */
    @Test
    void givenManyEntries_whenEveryPageShapeIsPlannedGenerically_thenEachReadsItsOwnIndex() throws SQLException {
        try (Connection connection = TestDatabase.connection(); Statement statement = connection.createStatement()) {
            // Mostly logins, logouts and expiries, as in production; a few rare types.
            statement.execute("""
                    INSERT INTO audit_entries (id, type, occurred_at, user_id, username, ip_address, user_agent, reason)
                    SELECT gen_random_uuid(),
                           CASE WHEN n % 997 = 0 THEN 'ROLE_CHANGED' WHEN n % 101 = 0 THEN 'ACCOUNT_LOCKED'
                                ELSE (ARRAY['LOGIN_SUCCEEDED', 'LOGOUT', 'SESSION_EXPIRED', 'LOGIN_FAILED'])[1 + n % 4] END,
                           now() - n * interval '1 minute', md5('user' || (n % 300))::uuid, 'user' || (n % 300),
                           CASE WHEN n % 4 <> 2 THEN '10.0.' || (n % 250) || '.1' END, 'ua', NULL
                    FROM generate_series(1, 30000) n""");
            statement.execute("ANALYZE audit_entries");
            GenericPlans.forceGenericPlans(statement);

            Map<String, String> values = Map.ofEntries(
                    Map.entry("from", "now() - interval '30 days'"), Map.entry("to", "now()"),
                    Map.entry("beforeAt", "now() - interval '1 day'"), Map.entry("beforeSeq", "0"),
                    Map.entry("userId", "'" + UUID.randomUUID() + "'"), Map.entry("username", "'user42'"),
                    Map.entry("ipAddress", "'10.0.7.1'"), Map.entry("types", "'{ROLE_CHANGED}'"),
                    Map.entry("limit", "50"), Map.entry("offset", "0"), Map.entry("perType", "50"),
                    Map.entry("cap", "10001"), Map.entry("id", "'" + UUID.randomUUID() + "'"));
            Map<String, String> indexOf = new LinkedHashMap<>();
            indexOf.put("all", "audit_entries_newest");
            indexOf.put("of-user", "audit_entries_by_user");
            indexOf.put("named", "audit_entries_by_username");
            indexOf.put("from-ip", "audit_entries_by_ip");
            indexOf.put("of-types", "audit_entries_by_type");
            indexOf.forEach((shape, index) -> {
                for (String name : new String[] {"audit-page-" + shape, "audit-count-" + shape}) {
                    String plan = plan(statement, name, values);

                    assertFalse(plan.contains("Seq Scan on audit_entries"), name + ":\n" + plan);
                    assertTrue(Pattern.compile("(Scan Backward using|Scan using|Bitmap Index Scan on) " + index + " ")
                            .matcher(plan).find(), name + " reads " + index + ":\n" + plan);
                }
            });
            String seq = plan(statement, "audit-seq-of", values);
            assertTrue(seq.contains("using audit_entries_id_key"), seq);
        }
    }

    private static String plan(Statement statement, String name, Map<String, String> values) {
        try {
            return GenericPlans.of(statement, name, values);
        } catch (SQLException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
