package dev.warden.adapter.db;

import dev.warden.application.port.out.EventOutbox;
import dev.warden.domain.AccountEvent;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.OutboxEvent;
import dev.warden.domain.SessionEvent;

/**
 * Appends to the {@code outbox} table, inside the caller's transaction when there is one. The
 * table's trigger notifies {@code warden_outbox}, which PostgreSQL delivers only on commit. Each
 * append first takes a transaction-scoped lock on the event's user, so that one user's outbox
 * positions are in commit order (see {@code outbox-lock-user}). Session and account events share
 * the table (and so one order per user); {@code aggregate_type} tells them apart.
 */
public final class DbClientEventOutbox implements EventOutbox {
    private final DbClientTransactionBoundary db;

    DbClientEventOutbox(DbClientTransactionBoundary db) {
        this.db = db;
    }

    @Override
    public void append(OutboxEvent event) {
        if (db.writesAtCommit()) {
            db.write("outbox-lock-user", Sql.params("userId", event.userId().value()));
        } else {
            db.executor().createNamedGet("outbox-lock-user")
                    .addParam("userId", event.userId().value())
                    .execute();
        }
        switch (event) {
            case SessionEvent session -> append(session);
            case AccountEvent account -> append(account);
        }
    }

    private void append(SessionEvent event) {
        ClientDescription client = event.client();
        // Instants go as ISO-8601 text (full precision); DbClientOutboxQueue reads them back.
        db.write("outbox-append", Sql.params(
                "eventId", event.eventId(),
                "type", event.type().name(),
                "occurredAt", Sql.text(event.occurredAt()),
                "sessionId", event.sessionId().value(),
                "userId", event.userId().value(),
                "username", event.username(),
                "ipAddress", event.ipAddress(),
                "userAgent", event.userAgent(),
                // Parsed at login, kept with the event (the outbox is short-lived), never with the session: a
                // nested "client" object in the payload of a created event, and no key at all in an end's.
                "clientBrowser", client == null ? null : client.browser(),
                "clientBrowserVersion", client == null ? null : client.browserVersion(),
                "clientOs", client == null ? null : client.os(),
                "clientOsVersion", client == null ? null : client.osVersion(),
                "clientDeviceType", client == null ? null : client.deviceType().name(),
                "createdAt", Sql.text(event.createdAt()),
                "expiresAt", Sql.text(event.expiresAt()),
                "reason", event.reason() == null ? null : event.reason().name(),
                "actorId", event.actorId() == null ? null : event.actorId().value(),
                "endedAt", Sql.text(event.endedAt())));
    }

    private void append(AccountEvent event) {
        db.write("outbox-append-account", Sql.params(
                "eventId", event.eventId(),
                "type", event.type().name(),
                "occurredAt", Sql.text(event.occurredAt()),
                "userId", event.userId().value(),
                "username", event.username(),
                "actorId", event.actorId() == null ? null : event.actorId().value(),
                "role", event.role() == null ? null : event.role().name()));
    }
}
