package dev.warden.application;

import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import dev.warden.application.port.out.AlarmStore;
import dev.warden.application.port.out.AuditTrail;
import dev.warden.application.port.out.EventOutbox;
import dev.warden.application.port.out.KnownDevices;
import dev.warden.application.port.out.LoginThrottle;
import dev.warden.application.port.out.OperationalCounts;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.SessionStore;
import dev.warden.application.port.out.TransactionBoundary;
import dev.warden.application.port.out.UserAccounts;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.application.service.AdminQueriesService;
import dev.warden.application.service.accounts.AccountStatusService;
import dev.warden.application.service.accounts.ChangeRoleService;
import dev.warden.application.service.accounts.CreateUserService;
import dev.warden.application.service.accounts.ResetPasswordService;
import dev.warden.application.service.accounts.UnlockUserService;
import dev.warden.application.service.alarms.AlarmService;
import dev.warden.application.service.auth.ChangeOwnPasswordService;
import dev.warden.application.service.auth.LoginService;
import dev.warden.application.service.auth.PruneLoginDefencesService;
import dev.warden.application.service.auth.ReauthenticateService;
import dev.warden.application.service.operations.MeteredEventOutbox;
import dev.warden.application.service.operations.OperationalFiguresService;
import dev.warden.application.service.sessions.LogoutService;
import dev.warden.application.service.sessions.OwnSessionsService;
import dev.warden.application.service.sessions.SweepExpiredSessionsService;
import dev.warden.application.service.sessions.TerminateSessionService;
import dev.warden.application.service.sessions.TerminateUserSessionsService;
import dev.warden.application.service.sessions.TimedSessionValidation;
import dev.warden.application.service.sessions.ValidateSessionService;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Every application service, built with {@code new} over the outgoing ports: the one wiring of the
 * use cases. The service's composition root adapts it to its adapters; the use-case tests build it
 * over in-memory fakes, so they test what production runs. A service that implements several use
 * cases is here once.
 */
public record ApplicationServices(
        LoginService login,
        ValidateSessionUseCase validateSession,
        LogoutService logout,
        TerminateSessionService terminateSession,
        TerminateUserSessionsService terminateUserSessions,
        SweepExpiredSessionsService sweepExpiredSessions,
        CreateUserService createUser,
        UnlockUserService unlockUser,
        AdminQueriesService queries,
        AlarmService alarms,
        AccountStatusService accountStatus,
        ChangeRoleService changeRole,
        ResetPasswordService resetPassword,
        OwnSessionsService ownSessions,
        ChangeOwnPasswordService changeOwnPassword,
        ReauthenticateService reauthenticate,
        PruneLoginDefencesService pruneLoginDefences,
        OperationalFiguresService operationalFigures) {

    /** The outgoing ports the use cases need. */
    public record Ports(TransactionBoundary transactions, UserAccounts accounts, SessionStore sessions,
                       AuditTrail audit, EventOutbox outbox, AlarmStore alarms, PasswordHasher hasher,
                       PasswordBlocklist blocklist, KnownDevices devices, LoginThrottle throttle,
                       OperationalCounts counts, WardenMetrics metrics) {
    }

    public static ApplicationServices wire(Ports p, WardenPolicy policy, LoginThrottlePolicy throttle, Clock clock,
                                           SecureRandom random) {
        // Every session end passes the outbox, so that is where ends are counted (after commit).
        EventOutbox outbox = new MeteredEventOutbox(p.outbox(), p.transactions(), p.metrics());
        return new ApplicationServices(
                new LoginService(p.transactions(), p.accounts(), p.sessions(), p.audit(), outbox, p.hasher(),
                        policy, clock, random, p.devices(), p.throttle(), throttle, p.metrics()),
                new TimedSessionValidation(
                        new ValidateSessionService(p.transactions(), p.sessions(), p.audit(), outbox, policy, clock),
                        p.metrics()),
                new LogoutService(p.transactions(), p.sessions(), p.audit(), outbox, clock),
                new TerminateSessionService(p.transactions(), p.sessions(), p.audit(), outbox, policy, clock),
                new TerminateUserSessionsService(p.transactions(), p.accounts(), p.sessions(), p.audit(), outbox,
                        policy, clock),
                new SweepExpiredSessionsService(p.transactions(), p.sessions(), p.audit(), outbox, policy, clock),
                new CreateUserService(p.transactions(), p.accounts(), p.sessions(), p.audit(), outbox, p.hasher(),
                        p.blocklist(), policy, clock),
                new UnlockUserService(p.transactions(), p.accounts(), p.devices(), p.audit(), outbox, clock),
                new AdminQueriesService(p.sessions(), p.accounts(), p.audit(), p.alarms(), policy, clock),
                new AlarmService(p.transactions(), p.alarms(), p.audit(), clock),
                new AccountStatusService(p.transactions(), p.accounts(), p.sessions(), p.devices(), p.audit(), outbox,
                        policy, clock),
                new ChangeRoleService(p.transactions(), p.accounts(), p.sessions(), p.audit(), outbox, policy, clock),
                new ResetPasswordService(p.transactions(), p.accounts(), p.sessions(), p.devices(), p.audit(), outbox,
                        p.hasher(), p.blocklist(), policy, clock),
                new OwnSessionsService(p.transactions(), p.accounts(), p.sessions(), p.audit(), outbox, policy, clock),
                new ChangeOwnPasswordService(p.transactions(), p.accounts(), p.sessions(), p.devices(), p.audit(),
                        outbox, p.hasher(), p.blocklist(), p.metrics(), policy, clock),
                new ReauthenticateService(p.transactions(), p.accounts(), p.sessions(), p.devices(), p.audit(), outbox,
                        p.hasher(), p.metrics(), policy, clock),
                new PruneLoginDefencesService(p.throttle(), p.devices(), throttle, clock),
                new OperationalFiguresService(p.counts(), policy, clock));
    }
}
