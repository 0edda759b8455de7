package dev.warden.application.port.in.sessions;

import dev.warden.domain.ClientDescription;

/**
 * How a session's client reads (browser, operating system, kind of device), for every place a
 * session is shown: the lists, the login answer, the CSV export. Sessions keep only the raw
 * User-Agent header; it is parsed when shown, through a cache (docs/decisions.md, "Parsed user
 * agents"), and never while a request's session is validated.
 */
public interface DescribeClientUseCase {
    /** @return never null; unknown parts for an empty or unreadable header, never an exception */
    ClientDescription describe(String userAgent);
}
