package dev.warden.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan PostgreSQL may settle on for a statement (named in warden-db-statements.yaml, or composed
 * as the Sessions page's are) after a connection's fifth execution: a plan for any value (so the values given do not matter, only their
 * types). Checks that each list shape is driven by an index whatever plan it gets.
 */
final class GenericPlans {
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");

    private GenericPlans() {
    }

    /** Makes the connection plan every later statement generically. */
    static void forceGenericPlans(Statement statement) throws SQLException {
        statement.execute("SET plan_cache_mode = force_generic_plan");
    }

    /**
     * PREPAREs the named statement ($1.. in order of first use) and EXPLAINs an EXECUTE with SQL
     * values for its parameters.
     */
    static String of(Statement statement, String name, Map<String, String> values) throws SQLException {
        return ofText(statement, SqlStatements.load().statement(name), values);
    }

    /** The same for a statement's text. */
    static String ofText(Statement statement, String sql, Map<String, String> values) throws SQLException {
        Matcher matcher = NAMED_PARAMETER.matcher(sql);
        List<String> names = new ArrayList<>();
        StringBuilder prepared = new StringBuilder();
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
            matcher.appendReplacement(prepared, "\\$" + (names.indexOf(matcher.group(1)) + 1));
        }
        matcher.appendTail(prepared);
        statement.execute("DEALLOCATE ALL");
        statement.execute("PREPARE shape AS " + prepared);
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE shape("
                + String.join(", ", names.stream().map(values::get).toList()) + ")")) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
