package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.accounts.ListUsersUseCase;
import dev.warden.application.port.in.accounts.UserQuery;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.application.port.in.alarms.ListAlarmsUseCase;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.in.audit.ListAuditEntriesUseCase;
import dev.warden.application.port.in.sessions.ActiveSessionQuery;
import dev.warden.application.port.in.sessions.ListActiveSessionsUseCase;
import dev.warden.application.port.out.ActiveWindow;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.domain.Alarm;
import dev.warden.domain.AuditEntry;
import dev.warden.domain.Session;
import dev.warden.domain.WardenPolicy;
import java.time.Clock;

/**
 * The read-only admin pages. They share one shape (check the role, ask one store) so they share
 * one class instead of four near-identical ones. Session and user lists see only active sessions.
 */
public final class AdminQueriesService
        implements ListActiveSessionsUseCase, ListUsersUseCase, ListAuditEntriesUseCase, ListAlarmsUseCase {
    private final SessionStore sessions;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final AlarmStore alarms;
    private final WardenPolicy policy;
    private final Clock clock;

    public AdminQueriesService(SessionStore sessions, UserAccounts accounts, AuditTrail audit, AlarmStore alarms,
                               WardenPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
        this.alarms = alarms;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Page<Session> list(ActiveSessionQuery query, Actor actor) {
        actor.requireAdministrator();
        return sessions.listActive(query, ActiveWindow.at(Now.of(clock), policy));
    }

    @Override
    public Page<UserSummary> list(UserQuery query, Actor actor) {
        actor.requireAdministrator();
        return accounts.list(query, ActiveWindow.at(Now.of(clock), policy));
    }

    @Override
    public Page<AuditEntry> list(AuditQuery query, Actor actor) {
        actor.requireAdministrator();
        return audit.list(query);
    }

    @Override
    public Page<Alarm> list(AlarmQuery query, Actor actor) {
        actor.requireAdministrator();
        return alarms.list(query);
    }
}
