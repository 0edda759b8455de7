package dev.warden.application.port.in.sessions;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.accounts.AccountView;
import dev.warden.domain.Session;

/** A session that passed validation, with its account (no password hash: {@link AccountView}). */
public record AuthenticatedSession(Session session, AccountView account) {
    public Actor actor() {
        return new Actor(account.id(), account.username(), account.role(), session.id());
    }
}
