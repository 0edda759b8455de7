package dev.warden.application.port.in;

import dev.warden.domain.Account;
import dev.warden.domain.Session;

/** A session that passed validation, with its account. */
public record AuthenticatedSession(Session session, Account account) {
    public Actor actor() {
        return new Actor(account.id(), account.username(), account.role());
    }
}
