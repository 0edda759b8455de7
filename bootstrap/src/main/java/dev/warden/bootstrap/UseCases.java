package dev.warden.bootstrap;

import dev.warden.adapter.http.WardenUseCases;
import dev.warden.application.port.in.EnsureOwnerUseCase;
import dev.warden.application.port.in.OperationalFiguresQuery;
import dev.warden.application.port.in.PurgeExpiredHistoryUseCase;
import dev.warden.application.port.in.PruneLoginDefencesUseCase;
import dev.warden.application.port.in.RecordAlarmEventUseCase;
import dev.warden.application.port.in.RelayOutboxUseCase;
import dev.warden.application.port.in.SweepExpiredSessionsUseCase;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.application.port.out.HistoryRetention;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.application.service.AccountStatusService;
import dev.warden.application.service.AdminQueriesService;
import dev.warden.application.service.AlarmService;
import dev.warden.application.service.ChangeOwnPasswordService;
import dev.warden.application.service.ChangeRoleService;
import dev.warden.application.service.CreateUserService;
import dev.warden.application.service.LoginService;
import dev.warden.application.service.LogoutService;
import dev.warden.application.service.MeteredEventOutbox;
import dev.warden.application.service.OperationalFiguresService;
import dev.warden.application.service.OutboxRelayService;
import dev.warden.application.service.OwnSessionsService;
import dev.warden.application.service.PruneLoginDefencesService;
import dev.warden.application.service.PurgeExpiredHistoryService;
import dev.warden.application.service.ResetPasswordService;
import dev.warden.application.service.SweepExpiredSessionsService;
import dev.warden.application.service.TerminateSessionService;
import dev.warden.application.service.TerminateUserSessionsService;
import dev.warden.application.service.TimedSessionValidation;
import dev.warden.application.service.UnlockUserService;
import dev.warden.application.service.ValidateSessionService;
import dev.warden.domain.RetentionPolicy;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Clock;

/** Every use case, built with {@code new} over the outgoing ports: the application's wiring. */
record UseCases(
        WardenUseCases http,
        EnsureOwnerUseCase ensureOwner,
        SweepExpiredSessionsUseCase sweep,
        RecordAlarmEventUseCase recordAlarm,
        PruneLoginDefencesUseCase pruneLoginDefences,
        OperationalFiguresQuery operationalFigures) {

    /** The outgoing ports the use cases need. */
    record Ports(TransactionBoundary transactions, UserAccounts accounts, SessionStore sessions, AuditTrail audit,
                 EventOutbox outbox, AlarmStore alarms, PasswordHasher hasher, PasswordBlocklist blocklist,
                 KnownDevices devices, LoginThrottle throttle, OperationalCounts counts, WardenMetrics metrics) {
        /** Every session end passes the outbox, so that is where ends are counted (after commit). */
        Ports {
            outbox = new MeteredEventOutbox(outbox, transactions, metrics);
        }
    }

    static UseCases wire(Ports p, WardenPolicy policy, LoginThrottlePolicy throttle, Clock clock, SecureRandom random) {
        AdminQueriesService queries = new AdminQueriesService(p.sessions(), p.accounts(), p.audit(), p.alarms(),
                policy, clock);
        AlarmService alarms = new AlarmService(p.transactions(), p.alarms(), p.audit(), clock);
        CreateUserService accounts = new CreateUserService(p.transactions(), p.accounts(), p.audit(), p.outbox(),
                p.hasher(), p.blocklist(), clock);
        AccountStatusService accountStatus = new AccountStatusService(p.transactions(), p.accounts(), p.sessions(),
                p.audit(), p.outbox(), policy, clock);
        OwnSessionsService ownSessions = new OwnSessionsService(p.transactions(), p.accounts(), p.sessions(),
                p.audit(), p.outbox(), policy, clock);
        WardenUseCases http = new WardenUseCases(
                new LoginService(p.transactions(), p.accounts(), p.sessions(), p.audit(), p.outbox(), p.hasher(),
                        policy, clock, random, p.devices(), p.throttle(), throttle, p.metrics()),
                new TimedSessionValidation(
                        new ValidateSessionService(p.transactions(), p.sessions(), p.audit(), p.outbox(), policy, clock),
                        p.metrics()),
                new LogoutService(p.transactions(), p.sessions(), p.audit(), p.outbox(), clock),
                queries,
                new TerminateSessionService(p.transactions(), p.sessions(), p.audit(), p.outbox(), policy, clock),
                new TerminateUserSessionsService(p.transactions(), p.accounts(), p.sessions(), p.audit(), p.outbox(),
                        policy, clock),
                accounts,
                new UnlockUserService(p.transactions(), p.accounts(), p.devices(), p.audit(), p.outbox(), clock),
                queries,
                queries,
                queries,
                alarms,
                accountStatus,
                accountStatus,
                new ChangeRoleService(p.transactions(), p.accounts(), p.sessions(), p.audit(), p.outbox(), policy,
                        clock),
                new ResetPasswordService(p.transactions(), p.accounts(), p.sessions(), p.audit(), p.outbox(),
                        p.hasher(), p.blocklist(), policy, clock),
                ownSessions,
                ownSessions,
                ownSessions,
                new ChangeOwnPasswordService(p.transactions(), p.accounts(), p.sessions(), p.audit(), p.outbox(),
                        p.hasher(), p.blocklist(), policy, clock));
        return new UseCases(http,
                accounts,
                new SweepExpiredSessionsService(p.transactions(), p.sessions(), p.audit(), p.outbox(), policy, clock),
                alarms,
                new PruneLoginDefencesService(p.throttle(), p.devices(), throttle, clock),
                new OperationalFiguresService(p.counts(), policy, clock));
    }

    static RelayOutboxUseCase relay(OutboxQueue queue, EventPublisher publisher, WardenMetrics metrics) {
        return new OutboxRelayService(queue, publisher, metrics);
    }

    static PurgeExpiredHistoryUseCase purge(HistoryRetention retention, RetentionPolicy policy, Clock clock) {
        return new PurgeExpiredHistoryService(retention, policy, clock);
    }
}
