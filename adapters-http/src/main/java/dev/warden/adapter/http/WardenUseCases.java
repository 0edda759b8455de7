package dev.warden.adapter.http;

import dev.warden.application.port.in.accounts.ChangeRoleUseCase;
import dev.warden.application.port.in.accounts.CreateUserUseCase;
import dev.warden.application.port.in.accounts.DisableUserUseCase;
import dev.warden.application.port.in.accounts.EnableUserUseCase;
import dev.warden.application.port.in.accounts.ListUsersUseCase;
import dev.warden.application.port.in.accounts.ResetPasswordUseCase;
import dev.warden.application.port.in.accounts.UnlockUserUseCase;
import dev.warden.application.port.in.alarms.AcknowledgeAlarmUseCase;
import dev.warden.application.port.in.alarms.ListAlarmsUseCase;
import dev.warden.application.port.in.audit.ListAuditEntriesUseCase;
import dev.warden.application.port.in.auth.ChangeOwnPasswordUseCase;
import dev.warden.application.port.in.auth.LoginUseCase;
import dev.warden.application.port.in.auth.ReauthenticateUseCase;
import dev.warden.application.port.in.sessions.EndOtherOwnSessionsUseCase;
import dev.warden.application.port.in.sessions.EndOwnSessionUseCase;
import dev.warden.application.port.in.sessions.ListActiveSessionsUseCase;
import dev.warden.application.port.in.sessions.ListOwnSessionsUseCase;
import dev.warden.application.port.in.sessions.LogoutUseCase;
import dev.warden.application.port.in.sessions.TerminateSessionUseCase;
import dev.warden.application.port.in.sessions.TerminateUserSessionsUseCase;
import dev.warden.application.port.in.sessions.ValidateSessionUseCase;
import java.util.Objects;

/** Every use case the REST API calls; the HTTP adapter reaches the application through these only. */
public record WardenUseCases(
        LoginUseCase login,
        ValidateSessionUseCase validateSession,
        LogoutUseCase logout,
        ListActiveSessionsUseCase listActiveSessions,
        TerminateSessionUseCase terminateSession,
        TerminateUserSessionsUseCase terminateUserSessions,
        CreateUserUseCase createUser,
        UnlockUserUseCase unlockUser,
        ListUsersUseCase listUsers,
        ListAuditEntriesUseCase listAuditEntries,
        ListAlarmsUseCase listAlarms,
        AcknowledgeAlarmUseCase acknowledgeAlarm,
        DisableUserUseCase disableUser,
        EnableUserUseCase enableUser,
        ChangeRoleUseCase changeRole,
        ResetPasswordUseCase resetPassword,
        ListOwnSessionsUseCase listOwnSessions,
        EndOwnSessionUseCase endOwnSession,
        EndOtherOwnSessionsUseCase endOtherOwnSessions,
        ChangeOwnPasswordUseCase changeOwnPassword,
        ReauthenticateUseCase reauthenticate) {

    public WardenUseCases {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(validateSession, "validateSession");
        Objects.requireNonNull(logout, "logout");
        Objects.requireNonNull(listActiveSessions, "listActiveSessions");
        Objects.requireNonNull(terminateSession, "terminateSession");
        Objects.requireNonNull(terminateUserSessions, "terminateUserSessions");
        Objects.requireNonNull(createUser, "createUser");
        Objects.requireNonNull(unlockUser, "unlockUser");
        Objects.requireNonNull(listUsers, "listUsers");
        Objects.requireNonNull(listAuditEntries, "listAuditEntries");
        Objects.requireNonNull(listAlarms, "listAlarms");
        Objects.requireNonNull(acknowledgeAlarm, "acknowledgeAlarm");
        Objects.requireNonNull(disableUser, "disableUser");
        Objects.requireNonNull(enableUser, "enableUser");
        Objects.requireNonNull(changeRole, "changeRole");
        Objects.requireNonNull(resetPassword, "resetPassword");
        Objects.requireNonNull(listOwnSessions, "listOwnSessions");
        Objects.requireNonNull(endOwnSession, "endOwnSession");
        Objects.requireNonNull(endOtherOwnSessions, "endOtherOwnSessions");
        Objects.requireNonNull(changeOwnPassword, "changeOwnPassword");
        Objects.requireNonNull(reauthenticate, "reauthenticate");
    }
}
