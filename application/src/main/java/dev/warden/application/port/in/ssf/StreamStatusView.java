package dev.warden.application.port.in.ssf;

/** A stream's status (SSF 1.0 section 8.1.2): {@code enabled}, {@code paused} or {@code disabled}; reason null when none. */
public record StreamStatusView(String streamId, String status, String reason) {
}
