package dev.warden.application.port.in;

import dev.warden.application.port.in.accounts.BreakGlassUnlockUseCase;
import dev.warden.application.port.in.accounts.ChangeRoleUseCase;
import dev.warden.application.port.in.accounts.CreateUserUseCase;
import dev.warden.application.port.in.accounts.DisableUserUseCase;
import dev.warden.application.port.in.accounts.EnableUserUseCase;
import dev.warden.application.port.in.accounts.EnsureOwnerUseCase;
import dev.warden.application.port.in.accounts.ListUsersUseCase;
import dev.warden.application.port.in.accounts.ResetPasswordUseCase;
import dev.warden.application.port.in.accounts.UnlockUserUseCase;
import dev.warden.application.port.in.alarms.AcknowledgeAlarmUseCase;
import dev.warden.application.port.in.alarms.ListAlarmsUseCase;
import dev.warden.application.port.in.alarms.RecordAlarmEventUseCase;
import dev.warden.application.port.in.audit.ListAuditEntriesUseCase;
import dev.warden.application.port.in.auth.ChangeOwnPasswordUseCase;
import dev.warden.application.port.in.auth.LoginUseCase;
import dev.warden.application.port.in.auth.PruneLoginDefencesUseCase;
import dev.warden.application.port.in.auth.ReauthenticateUseCase;
import dev.warden.application.port.in.operations.OperationalFiguresQuery;
import dev.warden.application.port.in.operations.PurgeExpiredHistoryUseCase;
import dev.warden.application.port.in.operations.RelayOutboxUseCase;
import dev.warden.application.port.in.sessions.DescribeClientUseCase;
import dev.warden.application.port.in.sessions.EndOtherOwnSessionsUseCase;
import dev.warden.application.port.in.sessions.EndOwnSessionUseCase;
import dev.warden.application.port.in.sessions.ListActiveSessionsUseCase;
import dev.warden.application.port.in.sessions.ListOwnSessionsUseCase;
import dev.warden.application.port.in.sessions.LogoutUseCase;
import dev.warden.application.port.in.sessions.SweepExpiredSessionsUseCase;
import dev.warden.application.port.in.sessions.TerminateSessionUseCase;
import dev.warden.application.port.in.sessions.TerminateSessionsFromAddressUseCase;
import dev.warden.application.port.in.sessions.TerminateUserSessionsUseCase;
import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import dev.warden.application.port.in.ssf.AuthenticateReceiverUseCase;
import dev.warden.application.port.in.ssf.ChangeStreamSubjectsUseCase;
import dev.warden.application.port.in.ssf.CreateStreamUseCase;
import dev.warden.application.port.in.ssf.DeleteStreamUseCase;
import dev.warden.application.port.in.ssf.FanOutEventsUseCase;
import dev.warden.application.port.in.ssf.IssueReceiverTokenUseCase;
import dev.warden.application.port.in.ssf.ListReceiversUseCase;
import dev.warden.application.port.in.ssf.ListAllStreamsUseCase;
import dev.warden.application.port.in.ssf.ListSigningKeysUseCase;
import dev.warden.application.port.in.ssf.ListStreamsUseCase;
import dev.warden.application.port.in.ssf.PollStreamUseCase;
import dev.warden.application.port.in.ssf.PushStreamsUseCase;
import dev.warden.application.port.in.ssf.ReadStreamStatusUseCase;
import dev.warden.application.port.in.ssf.ReadStreamUseCase;
import dev.warden.application.port.in.ssf.RegisterReceiverUseCase;
import dev.warden.application.port.in.ssf.RevokeReceiverUseCase;
import dev.warden.application.port.in.ssf.UpdateStreamStatusUseCase;
import dev.warden.application.port.in.ssf.UpdateStreamUseCase;
import dev.warden.application.port.in.ssf.VerifyStreamUseCase;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * Every use case the application offers, by name and grouped by capability: what the adapters and
 * the composition root take what they need from ({@code catalogue.login()}, {@code
 * catalogue.relayOutbox()}). The application builds it once over its outgoing ports
 * ({@code dev.warden.application.UseCaseWiring}). Adding a use case is its port, its service, one
 * component here (and its {@code new} in the wiring), and its route or job.
 */
public record UseCaseCatalogue(
        // sessions
        ValidateSessionUseCase validateSession,
        LogoutUseCase logout,
        ListActiveSessionsUseCase listActiveSessions,
        TerminateSessionUseCase terminateSession,
        TerminateUserSessionsUseCase terminateUserSessions,
        TerminateSessionsFromAddressUseCase terminateSessionsFromAddress,
        SweepExpiredSessionsUseCase sweepExpiredSessions,
        ListOwnSessionsUseCase listOwnSessions,
        EndOwnSessionUseCase endOwnSession,
        EndOtherOwnSessionsUseCase endOtherOwnSessions,
        DescribeClientUseCase describeClient,
        // authentication
        LoginUseCase login,
        ReauthenticateUseCase reauthenticate,
        ChangeOwnPasswordUseCase changeOwnPassword,
        PruneLoginDefencesUseCase pruneLoginDefences,
        // accounts
        ListUsersUseCase listUsers,
        CreateUserUseCase createUser,
        EnsureOwnerUseCase ensureOwner,
        DisableUserUseCase disableUser,
        EnableUserUseCase enableUser,
        ChangeRoleUseCase changeRole,
        ResetPasswordUseCase resetPassword,
        UnlockUserUseCase unlockUser,
        BreakGlassUnlockUseCase breakGlassUnlock,
        // audit
        ListAuditEntriesUseCase listAuditEntries,
        // alarms
        ListAlarmsUseCase listAlarms,
        AcknowledgeAlarmUseCase acknowledgeAlarm,
        RecordAlarmEventUseCase recordAlarmEvent,
        // operations
        RelayOutboxUseCase relayOutbox,
        PurgeExpiredHistoryUseCase purgeExpiredHistory,
        OperationalFiguresQuery operationalFigures,
        // Shared Signals receivers
        RegisterReceiverUseCase registerReceiver,
        ListReceiversUseCase listReceivers,
        RevokeReceiverUseCase revokeReceiver,
        IssueReceiverTokenUseCase issueReceiverToken,
        AuthenticateReceiverUseCase authenticateReceiver,
        ListSigningKeysUseCase listSigningKeys,
        // Shared Signals streams
        CreateStreamUseCase createStream,
        ReadStreamUseCase readStream,
        ListStreamsUseCase listStreams,
        UpdateStreamUseCase updateStream,
        DeleteStreamUseCase deleteStream,
        ReadStreamStatusUseCase readStreamStatus,
        UpdateStreamStatusUseCase updateStreamStatus,
        ChangeStreamSubjectsUseCase changeStreamSubjects,
        VerifyStreamUseCase verifyStream,
        PollStreamUseCase pollStream,
        ListAllStreamsUseCase listAllStreams,
        FanOutEventsUseCase fanOutEvents,
        PushStreamsUseCase pushStreams) {

    /**
     * @return this catalogue, once every use case in it is known to be there (the wiring's last step,
     *         so a use case added here but not wired fails at start-up, not on its first request)
     * @throws NullPointerException naming the first missing use case
     */
    public UseCaseCatalogue complete() {
        for (RecordComponent component : UseCaseCatalogue.class.getRecordComponents()) {
            try {
                Objects.requireNonNull(component.getAccessor().invoke(this), component.getName());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return this;
    }
}
