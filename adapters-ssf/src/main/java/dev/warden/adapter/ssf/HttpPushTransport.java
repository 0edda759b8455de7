package dev.warden.adapter.ssf;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.warden.application.port.out.SetPushTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * RFC 8935 push over the JDK HTTP client: {@code POST} with {@code Content-Type:
 * application/secevent+jwt}, {@code Accept: application/json} and the stream's Authorization header.
 *
 * <ul>
 *   <li>Redirects are never followed (a 3xx is a failure): the Authorization header must reach only
 *       the host the receiver registered, and a redirect to another host would carry it away.</li>
 *   <li>Bounded: {@link #CONNECT_TIMEOUT} to connect, then {@link #READ_TIMEOUT} for the answer's
 *       headers; a 400's body is read up to {@link #MAX_ERROR_BODY} bytes within the same bound, other
 *       bodies are not read.</li>
 *   <li>Outcomes never carry the SET or the Authorization header, only the status and what the
 *       receiver said.</li>
 * </ul>
 */
public final class HttpPushTransport implements SetPushTransport {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_ERROR_BODY = 8192;

    private final HttpClient client;
    private final Duration readTimeout;
    private final Clock clock;

    public HttpPushTransport() {
        this(CONNECT_TIMEOUT, READ_TIMEOUT, Clock.systemUTC());
    }

    HttpPushTransport(Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    @Override
    public Outcome push(URI endpoint, String authorization, String set) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", "application/secevent+jwt")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(set, StandardCharsets.US_ASCII));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        CompletableFuture<HttpResponse<InputStream>> answer = client.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Instant deadline = clock.instant().plus(readTimeout).plus(CONNECT_TIMEOUT);
        try {
            HttpResponse<InputStream> response = answer.get(CONNECT_TIMEOUT.plus(readTimeout).toMillis(),
                    TimeUnit.MILLISECONDS);
            try (InputStream body = response.body()) {
                // Only a 400's body matters; it is read with the rest of the time, so a trickle cannot hold the push.
                byte[] error = response.statusCode() == 400 ? readAtMost(body, deadline) : new byte[0];
                return outcome(response, error);
            }
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Failed("no answer within " + readTimeout.toSeconds() + " s", Optional.empty());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed("interrupted", Optional.empty());
        } catch (ExecutionException e) {
            return new Failed(describe(e.getCause()), Optional.empty());
        } catch (IOException e) {
            return new Failed(describe(e), Optional.empty());
        }
    }

    /** Up to {@link #MAX_ERROR_BODY} bytes, or what came before the deadline (closing the body ends a slow read). */
    private byte[] readAtMost(InputStream body, Instant deadline) throws InterruptedException {
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                read.complete(body.readNBytes(MAX_ERROR_BODY));
            } catch (IOException e) {
                read.complete(new byte[0]);
            }
        });
        try {
            long left = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
            return read.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return new byte[0];
        }
    }

    private Outcome outcome(HttpResponse<?> response, byte[] body) {
        int status = response.statusCode();
        if (status == 202) {
            return new Delivered();
        }
        if (status == 400) {
            Optional<Rejected> rejected = rfc8935Error(body);
            if (rejected.isPresent()) {
                return rejected.get();
            }
            return new Failed("receiver answered 400 without an RFC 8935 error", Optional.empty());
        }
        String where = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
        return new Failed("receiver answered " + status + where, retryAfter(response));
    }

    /** {@code {"err":"...","description":"..."}} (RFC 8935 section 2.3). */
    private static Optional<Rejected> rfc8935Error(byte[] body) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
            if (json.get("err") instanceof String err && !err.isBlank()) {
                return Optional.of(new Rejected(err, json.get("description") instanceof String d ? d : null));
            }
        } catch (ParseException | RuntimeException e) {
            // not JSON: not an RFC 8935 rejection
        }
        return Optional.empty();
    }

    /** Retry-After as seconds or an HTTP date (RFC 9110 section 10.2.3). */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            String v = value.trim();
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration until = Duration.between(clock.instant(), at);
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "connection failed (" + cause.getClass().getSimpleName() + ")";
        }
        return "push failed (" + cause.getClass().getSimpleName() + ")";
    }
}
