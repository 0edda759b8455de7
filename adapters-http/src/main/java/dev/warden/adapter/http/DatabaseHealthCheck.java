package dev.warden.adapter.http;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** Readiness "database": whatever probe bootstrap supplies (for example a {@code SELECT 1}). */
final class DatabaseHealthCheck implements HealthCheck {
    private static final System.Logger LOG = System.getLogger(DatabaseHealthCheck.class.getName());

    private final BooleanSupplier databaseUp;

    DatabaseHealthCheck(BooleanSupplier databaseUp) {
        this.databaseUp = Objects.requireNonNull(databaseUp, "databaseUp");
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        boolean up;
        try {
            up = databaseUp.getAsBoolean();
        } catch (RuntimeException e) {
            // The class only: a driver message can carry a connection URL with credentials.
            LOG.log(Level.WARNING, "Database health probe failed: " + e.getClass().getName());
            up = false;
        }
        return HealthCheckResponse.builder().status(up).build();
    }
}
