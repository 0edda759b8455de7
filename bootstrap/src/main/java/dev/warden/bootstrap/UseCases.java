package dev.warden.bootstrap;

import dev.warden.adapter.http.WardenUseCases;
import dev.warden.application.ApplicationServices;
import dev.warden.application.port.in.accounts.EnsureOwnerUseCase;
import dev.warden.application.port.in.alarms.RecordAlarmEventUseCase;
import dev.warden.application.port.in.auth.PruneLoginDefencesUseCase;
import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.in.operations.PurgeExpiredHistoryUseCase;
import dev.warden.application.port.in.operations.RelayOutboxUseCase;
import dev.warden.application.port.in.sessions.SweepExpiredSessionsUseCase;
import dev.warden.application.port.out.EventPublisher;
import dev.warden.application.port.out.HistoryRetention;
import dev.warden.application.port.out.OutboxQueue;
import dev.warden.application.port.out.WardenMetrics;
import dev.warden.application.service.operations.OutboxRelayService;
import dev.warden.application.service.operations.PurgeExpiredHistoryService;
import dev.warden.domain.LoginThrottlePolicy;
import dev.warden.domain.RetentionPolicy;
import dev.warden.domain.WardenPolicy;
import java.security.SecureRandom;
import java.time.Clock;

/** Every use case the service runs, from the application's own wiring, handed out as its callers take them. */
record UseCases(
        WardenUseCases http,
        EnsureOwnerUseCase ensureOwner,
        SweepExpiredSessionsUseCase sweep,
        RecordAlarmEventUseCase recordAlarm,
        PruneLoginDefencesUseCase pruneLoginDefences,
        OperationalFiguresQuery operationalFigures) {

    static UseCases wire(ApplicationServices.Ports ports, WardenPolicy policy, LoginThrottlePolicy throttle,
                         Clock clock, SecureRandom random) {
        ApplicationServices s = ApplicationServices.wire(ports, policy, throttle, clock, random);
        WardenUseCases http = new WardenUseCases(
                s.login(),
                s.validateSession(),
                s.logout(),
                s.queries(),
                s.terminateSession(),
                s.terminateUserSessions(),
                s.createUser(),
                s.unlockUser(),
                s.queries(),
                s.queries(),
                s.queries(),
                s.alarms(),
                s.accountStatus(),
                s.accountStatus(),
                s.changeRole(),
                s.resetPassword(),
                s.ownSessions(),
                s.ownSessions(),
                s.ownSessions(),
                s.changeOwnPassword(),
                s.reauthenticate());
        return new UseCases(http, s.createUser(), s.sweepExpiredSessions(), s.alarms(), s.pruneLoginDefences(),
                s.operationalFigures());
    }

    static RelayOutboxUseCase relay(OutboxQueue queue, EventPublisher publisher, WardenMetrics metrics) {
        return new OutboxRelayService(queue, publisher, metrics);
    }

    static PurgeExpiredHistoryUseCase purge(HistoryRetention retention, RetentionPolicy policy, Clock clock) {
        return new PurgeExpiredHistoryService(retention, policy, clock);
    }
}
