package dev.warden.domain;

/** What an account may do. Exactly one account is the OWNER. */
public enum Role {
    OWNER,
    ADMIN,
    USER;

    /** OWNER and ADMIN reach the admin API and console. */
    public boolean canAdminister() {
        return this != USER;
    }
}
