package dev.warden.bootstrap;

/**
 * What start-up can tell a newcomer about the owner account.
 *
 * @param password the owner's password when this start knows it (created now, or dev mode's
 *                 remembered one), else null
 */
public record OwnerLogin(String username, String password, boolean createdNow) {
    @Override
    public String toString() {
        return "OwnerLogin[username=" + username + ", createdNow=" + createdNow + "]";
    }
}
