package dev.warden.events;

/**
 * The {@code client} of {@code warden.session.created}: the session's User-Agent header as the
 * service parsed it at login. Every field is always present; a name that could not be recognised is
 * "Unknown", a version that could not be recognised is empty, and {@code deviceType} is one of
 * {@code desktop}, {@code mobile}, {@code tablet}, {@code bot}, {@code unknown}.
 */
public record ClientData(String browser, String browserVersion, String os, String osVersion, String deviceType) {
}
