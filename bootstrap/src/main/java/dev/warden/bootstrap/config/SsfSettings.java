package dev.warden.bootstrap.config;

import dev.warden.adapter.ssf.SigningKeys;
import dev.warden.domain.PausedStreamLimits;
import dev.warden.domain.ReceiverTokenPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The Shared Signals transmitter's variables (docs/ssf.md): WARDEN_PUBLIC_URL (unset: the SSF and
 * OAuth routes answer 404; dev mode with a key file: {@code http://HOST:PORT}), WARDEN_SSF_SIGNING_KEY_FILE (required
 * with a public URL; dev generates one under var/), WARDEN_SSF_ALLOW_HTTP (false; dev true) and
 * WARDEN_OAUTH_TOKEN_LIFETIME (PT15M, at most PT60M), WARDEN_SSF_PAUSED_RETENTION (P7D, at least PT1M)
 * and WARDEN_SSF_PAUSED_MAX_EVENTS (100000, at least 1). The key file is read and checked here, so a
 * bad key is one start-up line like any other bad value.
 *
 * @param publicUrl   where receivers reach Warden, the SETs' issuer; null when Shared Signals is off
 * @param signingKeys the keys of WARDEN_SSF_SIGNING_KEY_FILE, the first signs; null when none is set
 * @param allowHttp   whether an {@code http://} public URL and push endpoints are accepted
 * @param pausedLimits what a paused stream keeps
 */
public record SsfSettings(URI publicUrl, SigningKeys signingKeys, boolean allowHttp, ReceiverTokenPolicy tokens,
                          PausedStreamLimits pausedLimits) {
    public static final String PUBLIC_URL = "WARDEN_PUBLIC_URL";
    public static final String SIGNING_KEY_FILE = "WARDEN_SSF_SIGNING_KEY_FILE";
    public static final String ALLOW_HTTP = "WARDEN_SSF_ALLOW_HTTP";
    public static final String TOKEN_LIFETIME = "WARDEN_OAUTH_TOKEN_LIFETIME";
    public static final String PAUSED_RETENTION = "WARDEN_SSF_PAUSED_RETENTION";
    public static final String PAUSED_MAX_EVENTS = "WARDEN_SSF_PAUSED_MAX_EVENTS";

    /** Whether the transmitter is on: it has a public URL (and so, checked at start, signing keys). */
    public boolean enabled() {
        return publicUrl != null;
    }

    static SsfSettings read(VariableReader r, boolean devMode, String httpHost, int httpPort) {
        boolean allowHttp = r.bool(ALLOW_HTTP, devMode);
        // Dev mode's default needs keys: Main's dev start generates them under var/ and names the file.
        boolean devDefault = devMode && r.text(SIGNING_KEY_FILE, null) != null;
        URI publicUrl = r.parse(PUBLIC_URL, devDefault ? devUrl(httpHost, httpPort) : null,
                "an absolute https:// URL without path, query or fragment, such as https://warden.example.com",
                SsfSettings::publicUrl);
        if (publicUrl != null && publicUrl.getScheme().equals("http") && !allowHttp) {
            throw new ConfigurationError(PUBLIC_URL + " must be https:// (receivers send their client secrets to it)"
                    + " unless " + ALLOW_HTTP + "=true (dev and tests only), was '" + publicUrl + "'");
        }
        SigningKeys keys = signingKeys(r);
        if (publicUrl != null && keys == null) {
            throw new ConfigurationError(SIGNING_KEY_FILE + " must name a PEM file of RSA private keys when "
                    + PUBLIC_URL + " is set (Warden signs every Security Event Token it sends)");
        }
        ReceiverTokenPolicy tokens = new ReceiverTokenPolicy(r.parse(TOKEN_LIFETIME,
                ReceiverTokenPolicy.DEFAULTS.tokenLifetime(), "an ISO-8601 duration from PT1S to PT60M such as PT15M",
                text -> new ReceiverTokenPolicy(Duration.parse(text)).tokenLifetime()));
        Duration pausedRetention = r.parse(PAUSED_RETENTION, PausedStreamLimits.DEFAULTS.retention(),
                "an ISO-8601 duration of at least PT1M such as P7D", text ->
                        new PausedStreamLimits(Duration.parse(text), 1).retention());
        long pausedMaxEvents = r.parse(PAUSED_MAX_EVENTS, PausedStreamLimits.DEFAULTS.maxEvents(),
                "a whole number of at least 1 such as 100000", text ->
                        new PausedStreamLimits(Duration.ofDays(1), Long.parseLong(text)).maxEvents());
        return new SsfSettings(publicUrl, keys, allowHttp, tokens,
                new PausedStreamLimits(pausedRetention, pausedMaxEvents));
    }

    private static SigningKeys signingKeys(VariableReader r) {
        String file = r.text(SIGNING_KEY_FILE, null);
        if (file == null) {
            return null;
        }
        try {
            return SigningKeys.read(Path.of(file));
        } catch (RuntimeException e) {
            // The message names keys by their place in the file and says what is wrong: never key material.
            throw new ConfigurationError(SIGNING_KEY_FILE + " must be a PEM file of unencrypted PKCS#8 RSA private"
                    + " keys of at least " + SigningKeys.MIN_BITS + " bits; '" + file + "' " + e.getMessage());
        }
    }

    /** Dev mode's issuer: where the dev server listens (a wildcard host is reached as localhost). */
    private static URI devUrl(String host, int port) {
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return URI.create("http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + port);
    }

    private static URI publicUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        // RFC 8414 places the metadata at /.well-known/... of the issuer's host when the issuer has no path.
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !noPath || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("not a plain origin");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    @Override
    public String toString() {
        return "SsfSettings[publicUrl=" + publicUrl + ", keys=" + signingKeys + ", allowHttp=" + allowHttp
                + ", tokenLifetime=" + tokens.tokenLifetime() + ", pausedLimits=" + pausedLimits + "]";
    }
}
