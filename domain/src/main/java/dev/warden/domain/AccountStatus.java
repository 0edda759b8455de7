package dev.warden.domain;

/** A disabled account cannot log in and its sessions stop validating. */
public enum AccountStatus {
    ACTIVE,
    DISABLED
}
