/**
 * Warden's session rules in plain Java: sessions and their expiry, the per-user session limit,
 * accounts with lockout and the owner's protections, the password policy, session tokens and the
 * IP-spread rule. Nothing here depends on anything outside {@code java.*}; time always comes in as
 * an argument (callers read it from an injected {@link java.time.Clock}).
 */
package dev.warden.domain;
