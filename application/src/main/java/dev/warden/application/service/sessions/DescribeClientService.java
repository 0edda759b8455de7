package dev.warden.application.service.sessions;

import dev.warden.application.port.in.sessions.DescribeClientUseCase;
import dev.warden.application.port.out.UserAgentParser;
import dev.warden.domain.ClientDescription;
import java.util.Objects;

/**
 * Describes a session's client through the {@link UserAgentParser}. A parser that fails anyway (a
 * bug in its rules for one odd header) costs that session its description, never the whole list.
 */
public final class DescribeClientService implements DescribeClientUseCase {
    private static final System.Logger LOG = System.getLogger(DescribeClientService.class.getName());

    private final UserAgentParser parser;

    public DescribeClientService(UserAgentParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public ClientDescription describe(String userAgent) {
        try {
            ClientDescription described = parser.describe(userAgent);
            return described == null ? ClientDescription.UNKNOWN : described;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "user agent parser failed: " + e.getClass().getName());
            return ClientDescription.UNKNOWN;
        }
    }
}
