package dev.warden.application.port.out;

/** Common and compromised passwords that must not be chosen. */
public interface PasswordBlocklist {
    /** @param normalizedPassword NFKC-normalised, as {@link dev.warden.domain.PasswordPolicy} gives it */
    boolean contains(String normalizedPassword);
}
