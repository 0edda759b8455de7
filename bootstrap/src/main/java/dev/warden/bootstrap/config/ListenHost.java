package dev.warden.bootstrap.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The form of a listen address (WARDEN_HTTP_HOST, WARDEN_MANAGEMENT_HOST): an IPv4 or IPv6 literal,
 * or a host name of letters, digits and hyphens. Checked by its form only and never looked up, so
 * start-up refuses a typo before anything starts; a well-formed name that does not resolve still
 * fails when the server binds.
 */
final class ListenHost {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("\\[?[0-9A-Fa-f:.]+]?");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private ListenHost() {
    }

    static boolean isWellFormed(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            return isIpv6Literal(host);
        }
        var v4 = IPV4.matcher(host);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        String[] labels = host.split("\\.", -1);
        boolean allDigits = true;
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
            allDigits &= label.chars().allMatch(Character::isDigit);
        }
        return !allDigits; // 10.1.2 or 999: neither an IPv4 address nor a name
    }

    private static boolean isIpv6Literal(String host) {
        if (!IPV6_CHARS.matcher(host).matches()) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            // In brackets the JDK parses the text as an IPv6 literal and never asks DNS.
            InetAddress.getByName("[" + bare + "]");
            return true;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }
}
