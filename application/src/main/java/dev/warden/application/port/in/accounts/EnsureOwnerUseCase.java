package dev.warden.application.port.in.accounts;

/** Creates the single owner account on first start. */
public interface EnsureOwnerUseCase {
    /**
     * @param password used only when no owner exists yet; may be null when one does
     * @throws InvalidRequest when no owner exists and no password (or a malformed username) was given
     * @return true when the owner was created now, false when one already existed
     * @throws dev.warden.domain.PasswordRejected when a new owner's password breaks the policy
     */
    boolean ensureOwner(String username, String password);
}
