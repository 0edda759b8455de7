package dev.warden.domain;

/**
 * The IP-spread alarm: raised once when the distinct client IPs across one user's active sessions
 * reach the threshold, resolved once when they fall below it. While it stays at or above the
 * threshold nothing new is raised, so each user has at most one open alarm.
 */
public record IpSpreadRule(int threshold) {

    /** What the alarm should do after the count changed. */
    public enum Transition { RAISE, RESOLVE, NONE }

    public IpSpreadRule {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
        }
    }

    public static IpSpreadRule of(WardenPolicy policy) {
        return new IpSpreadRule(policy.ipSpreadThreshold());
    }

    public boolean isSpread(int distinctIps) {
        return distinctIps >= threshold;
    }

    public Transition evaluate(boolean alarmOpen, int distinctIps) {
        if (!alarmOpen && isSpread(distinctIps)) {
            return Transition.RAISE;
        }
        if (alarmOpen && !isSpread(distinctIps)) {
            return Transition.RESOLVE;
        }
        return Transition.NONE;
    }
}
