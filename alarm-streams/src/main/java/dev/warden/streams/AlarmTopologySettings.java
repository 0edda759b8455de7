package dev.warden.streams;

import dev.warden.domain.IpSpreadRule;
import dev.warden.domain.WardenPolicy;

/** What the topology is tuned by: the number of distinct IPs that raises an alarm (the domain's default). */
public record AlarmTopologySettings(int ipSpreadThreshold) {
    public static final int DEFAULT_IP_SPREAD_THRESHOLD = WardenPolicy.DEFAULTS.ipSpreadThreshold();

    public AlarmTopologySettings {
        rule(ipSpreadThreshold); // the domain rule validates the threshold
    }

    public static AlarmTopologySettings defaults() {
        return new AlarmTopologySettings(DEFAULT_IP_SPREAD_THRESHOLD);
    }

    IpSpreadRule rule() {
        return rule(ipSpreadThreshold);
    }

    private static IpSpreadRule rule(int threshold) {
        return new IpSpreadRule(threshold);
    }
}
