package dev.warden.application.port.in.auth;

/**
 * Keeps the login defences' tables small: deletes the throttle counts of past windows and forgets
 * known devices whose cookie has expired. Safe to run on every instance at once.
 */
public interface PruneLoginDefencesUseCase {
    /** @return how many rows were deleted */
    int pruneOnce();
}
