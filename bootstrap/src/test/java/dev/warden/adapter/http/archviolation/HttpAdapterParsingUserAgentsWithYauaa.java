package dev.warden.adapter.http.archviolation;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/** Fixture: breaks "Yauaa stays in the user-agent adapter": the HTTP adapter parsing a header itself. */
public class HttpAdapterParsingUserAgentsWithYauaa {
    public String browser(UserAgentAnalyzer analyzer, String header) {
        return analyzer.parse(header).getValue(UserAgent.AGENT_NAME);
    }
}
