package dev.warden.application.port.out;

import dev.warden.domain.ClientDescription;

/**
 * Reads a User-Agent header as a person would: which browser, which operating system, which kind
 * of device (a bot included). Parsing is costly the first time a string is seen, so an
 * implementation remembers recent answers; it is still kept off the validation path.
 */
public interface UserAgentParser {
    /**
     * @param userAgent the header as stored with the session (possibly empty, cut, or garbage)
     * @return never null, and never an exception for what a client sent: {@link ClientDescription#UNKNOWN}
     *         or partly unknown parts for what cannot be recognised
     */
    ClientDescription describe(String userAgent);
}
