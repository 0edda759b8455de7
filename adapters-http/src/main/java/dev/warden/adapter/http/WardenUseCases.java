package dev.warden.adapter.http;

import dev.warden.application.port.in.AcknowledgeAlarmUseCase;
import dev.warden.application.port.in.CreateUserUseCase;
import dev.warden.application.port.in.ListActiveSessionsUseCase;
import dev.warden.application.port.in.ListAlarmsUseCase;
import dev.warden.application.port.in.ListAuditEntriesUseCase;
import dev.warden.application.port.in.ListUsersUseCase;
import dev.warden.application.port.in.LoginUseCase;
import dev.warden.application.port.in.LogoutUseCase;
import dev.warden.application.port.in.TerminateSessionUseCase;
import dev.warden.application.port.in.TerminateUserSessionsUseCase;
import dev.warden.application.port.in.UnlockUserUseCase;
import dev.warden.application.port.in.ValidateSessionUseCase;
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
        AcknowledgeAlarmUseCase acknowledgeAlarm) {

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
    }
}
