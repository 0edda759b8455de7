package dev.warden.application.fakes;

import dev.warden.application.port.out.UserAgentParser;
import dev.warden.domain.ClientDescription;
import dev.warden.domain.DeviceType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link UserAgentParser} for use-case tests: {@code Name/Version} reads as that browser on a
 * desktop, anything else as unknown; every header it was asked about is kept, so a test can show
 * where parsing happens and where it must not.
 */
public final class FakeUserAgentParser implements UserAgentParser {
    public final List<String> asked = new CopyOnWriteArrayList<>();

    @Override
    public ClientDescription describe(String userAgent) {
        asked.add(userAgent);
        int slash = userAgent == null ? -1 : userAgent.indexOf('/');
        if (slash <= 0) {
            return ClientDescription.UNKNOWN;
        }
        return new ClientDescription(userAgent.substring(0, slash), userAgent.substring(slash + 1), "Linux", "",
                DeviceType.DESKTOP);
    }
}
