package dev.warden.application.port.in.auth;

import dev.warden.application.port.in.InvalidRequest;

/** A user's own password change: the current password as proof, and the new one (its policy is the use case's). */
public record PasswordChange(String currentPassword, String newPassword) {
    public PasswordChange {
        if (currentPassword == null || newPassword == null) {
            throw new InvalidRequest("currentPassword and newPassword are required.");
        }
    }
}
