package dev.warden.domain;

/** Something was asked of the owner account that would stop the owner from logging in again. */
public final class OwnerProtected extends RuntimeException {
    public OwnerProtected(String message) {
        super(message);
    }
}
