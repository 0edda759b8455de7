package dev.warden.adapter.db.archviolation;

import dev.warden.application.port.out.EventPublisher;
import dev.warden.domain.OutboxEvent;
import java.util.List;

/** Violates the naming rule: a port's persistence adapter not named for what it uses (DbClient). */
public final class JdbcEventPublisher implements EventPublisher {
    @Override
    public void publishAll(List<OutboxEvent> events) {
        throw new UnsupportedOperationException("fixture");
    }
}
