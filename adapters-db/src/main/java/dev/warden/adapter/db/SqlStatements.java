package dev.warden.adapter.db;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbStatements;

/** The named SQL statements, kept in one YAML resource under {@code db.statements}. */
final class SqlStatements {
    static final String RESOURCE = "warden-db-statements.yaml";

    private SqlStatements() {
    }

    static DbStatements load() {
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.classpath(RESOURCE))
                .build();
        return DbStatements.create(config.get("db.statements"));
    }
}
