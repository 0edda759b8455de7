package dev.warden.application.port.in.sessions;

/** Finds sessions past their idle or absolute expiry and ends them with their reason. */
public interface SweepExpiredSessionsUseCase {
    /** @return how many sessions were ended */
    int sweepOnce();
}
