package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.domain.Role;
import dev.warden.domain.Username;

/**
 * What an administrator asks for when creating an account, valid by construction: a well-formed
 * name, a password (its policy is checked by the use case), and ADMIN or USER (there is exactly one
 * owner, made at first start).
 */
public record NewAccount(Username username, String password, Role role) {
    public NewAccount {
        if (username == null) {
            throw new InvalidRequest("username is required.");
        }
        if (password == null) {
            throw new InvalidRequest("password is required.");
        }
        if (role == null) {
            throw new InvalidRequest("role must be one of ADMIN, USER.");
        }
        if (role == Role.OWNER) {
            throw new InvalidRequest("There is exactly one owner account; role must be ADMIN or USER.");
        }
    }

    /** @throws InvalidRequest naming what is wrong */
    public static NewAccount of(String username, String password, Role role) {
        return new NewAccount(parseUsername(username), password, role);
    }

    /** @throws InvalidRequest for a name that cannot be a username */
    public static Username parseUsername(String username) {
        try {
            return new Username(username);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequest("username must be 1 to 64 letters, digits or . _ - @ characters.");
        }
    }
}
