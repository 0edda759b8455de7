package dev.warden.application.service.accounts;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.auth.ReauthenticationRequired;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.service.Now;
import dev.warden.domain.StepUp;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;
import java.time.Instant;

/**
 * Asks, for a sensitive action, whether the actor's session logged in or re-authenticated within
 * the window ({@link StepUp}); one read of the session row by its key, made only for those actions.
 * Called after the rights check, so a role that may not act at all hears 403 forbidden first.
 */
public final class StepUpCheck {
    private final SessionStore sessions;
    private final WardenPolicy policy;
    private final Clock clock;

    public StepUpCheck(SessionStore sessions, WardenPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    /** @throws ReauthenticationRequired when {@code needed} and the actor's session is not fresh */
    public void requireIf(boolean needed, Actor actor) {
        if (!needed) {
            return;
        }
        Instant now = Now.of(clock);
        boolean fresh = actor.sessionId() != null && sessions.authenticatedAt(actor.sessionId())
                .map(at -> StepUp.isFresh(at, now, policy.reauthWindow()))
                .orElse(false);
        if (!fresh) {
            throw new ReauthenticationRequired("This action needs your password again: this session last entered"
                    + " it longer ago than the re-authentication window (" + policy.reauthWindow() + ")."
                    + " Re-authenticate with POST /api/auth/reauthenticate and retry.");
        }
    }
}
