package dev.warden.adapter.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named statement of warden-db-statements.yaml turned, once, into plain JDBC: {@code :name}
 * becomes {@code ?}, and the names are remembered in order so that values are still bound by name.
 * For the few statements that bypass DbClient, which would parse the named text on every call.
 */
record PositionalSql(String sql, List<String> names) {
    // The statements spell casts CAST(x AS t), so every ":" starts a parameter name.
    private static final Pattern NAMED_PARAMETER = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

    static PositionalSql of(String namedSql) {
        List<String> names = new ArrayList<>();
        Matcher matcher = NAMED_PARAMETER.matcher(namedSql);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        return new PositionalSql(sql.toString(), List.copyOf(names));
    }

    /** Binds every parameter by name; a name missing from {@code values} is a programming error. */
    void bind(PreparedStatement statement, Map<String, Object> values) throws SQLException {
        bindFrom(statement, 1, values);
    }

    /**
     * {@link #bind} for this statement as one part of a longer text, its first {@code ?} at {@code first}.
     *
     * @return the index of the next part's first {@code ?}
     */
    int bindFrom(PreparedStatement statement, int first, Map<String, Object> values) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            statement.setObject(first + i, values.get(name));
        }
        return first + names.size();
    }
}
