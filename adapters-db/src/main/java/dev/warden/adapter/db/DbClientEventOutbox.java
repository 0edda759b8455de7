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
        db.executor().createNamedGet("outbox-lock-user")
                .addParam("userId", event.userId().value())
                .execute();
        switch (event) {
            case SessionEvent session -> append(session);
            case AccountEvent account -> append(account);
        }
    }

    private void append(SessionEvent event) {
        ClientDescription client = event.client();
        // Instants go as ISO-8601 text (full precision); DbClientOutboxQueue reads them back.
        db.executor().createNamedInsert("outbox-append")
                .addParam("eventId", event.eventId())
                .addParam("type", event.type().name())
                .addParam("occurredAt", Sql.text(event.occurredAt()))
                .addParam("sessionId", event.sessionId().value())
                .addParam("userId", event.userId().value())
                .addParam("username", event.username())
                .addParam("ipAddress", event.ipAddress())
                .addParam("userAgent", event.userAgent())
                // Parsed at login, kept with the event (the outbox is short-lived), never with the session: a
                // nested "client" object in the payload of a created event, and no key at all in an end's.
                .addParam("clientBrowser", client == null ? null : client.browser())
                .addParam("clientBrowserVersion", client == null ? null : client.browserVersion())
                .addParam("clientOs", client == null ? null : client.os())
                .addParam("clientOsVersion", client == null ? null : client.osVersion())
                .addParam("clientDeviceType", client == null ? null : client.deviceType().name())
                .addParam("createdAt", Sql.text(event.createdAt()))
                .addParam("expiresAt", Sql.text(event.expiresAt()))
                .addParam("reason", event.reason() == null ? null : event.reason().name())
                .addParam("actorId", event.actorId() == null ? null : event.actorId().value())
                .addParam("endedAt", Sql.text(event.endedAt()))
                .execute();
    }

    private void append(AccountEvent event) {
        db.executor().createNamedInsert("outbox-append-account")
                .addParam("eventId", event.eventId())
                .addParam("type", event.type().name())
                .addParam("occurredAt", Sql.text(event.occurredAt()))
                .addParam("userId", event.userId().value())
                .addParam("username", event.username())
                .addParam("actorId", event.actorId() == null ? null : event.actorId().value())
                .addParam("role", event.role() == null ? null : event.role().name())
                .execute();
    }
}
