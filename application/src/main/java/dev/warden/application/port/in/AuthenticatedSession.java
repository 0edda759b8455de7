package dev.warden.application.port.in;

import dev.warden.domain.Session;

/** A session that passed validation, with its account (no password hash: {@link AccountView}). */
public record AuthenticatedSession(Session session, AccountView account) {
    public Actor actor() {
        return new Actor(account.id(), account.username(), account.role(), session.id());
    }
}
