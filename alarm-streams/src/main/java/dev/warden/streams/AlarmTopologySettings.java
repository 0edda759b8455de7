package dev.warden.streams;

import dev.warden.domain.IpSpreadRule;
import dev.warden.domain.WardenPolicy;

/** What the topology is tuned by: the number of distinct IPs that raises an alarm (the domain's default). */
public record AlarmTopologySettings(int ipSpreadThreshold) {
    public static final int DEFAULT_IP_SPREAD_THRESHOLD = WardenPolicy.DEFAULTS.ipSpreadThreshold();

    public AlarmTopologySettings {
        new IpSpreadRule(ipSpreadThreshold); // the domain rule validates the threshold
    }

    IpSpreadRule rule() {
        return new IpSpreadRule(ipSpreadThreshold);
    }
}
