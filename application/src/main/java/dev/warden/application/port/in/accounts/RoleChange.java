package dev.warden.application.port.in.accounts;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.domain.Role;

/** The role an account is to have: ADMIN or USER (the one owner is made at first start, never granted). */
public record RoleChange(Role role) {
    public RoleChange {
        if (role != Role.ADMIN && role != Role.USER) {
            throw new InvalidRequest("role must be one of ADMIN, USER.");
        }
    }
}
