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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RFC 8935 push over the JDK HTTP client: {@code POST} with {@code Content-Type:
 * application/secevent+jwt}, {@code Accept: application/json} and the stream's Authorization header.
 *
 * <ul>
 *   <li>Redirects are never followed (a 3xx is a failure): the Authorization header must reach only
 *       the host the receiver registered, and a redirect to another host would carry it away.</li>
 *   <li>Bounded: {@link #CONNECT_TIMEOUT} to connect, then {@link #READ_TIMEOUT} for the answer's
 *       headers; a 400's body is read up to {@link #MAX_ERROR_BODY} bytes within the same bound, other
 *       bodies are not read, except a 202's (normally empty), which is drained within the same bound
 *       so the connection is kept for the next push.</li>
 *   <li>One connection per receiver, kept alive between pushes (the client's pool). {@code http://}
 *       endpoints (dev only) are spoken to in HTTP/1.1 without asking for an h2c upgrade on every
 *       request; {@code https://} ones get HTTP/2 when the receiver offers it.</li>
 *   <li>Outcomes never carry the SET or the Authorization header, only the status and what the
 *       receiver said.</li>
 * </ul>
 */
public final class HttpPushTransport implements SetPushTransport {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_ERROR_BODY = 8192;
    private static final int ACCEPTED = 202;

    private final HttpClient client;
    private final Duration readTimeout;
    /** Connecting plus the answer's headers: what a push may take at most, a 202's body drained included. */
    private final Duration longest;
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
        this.longest = connectTimeout.plus(readTimeout);
        this.clock = clock;
    }

    @Override
    public Outcome push(URI endpoint, String authorization, String set) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .version("http".equalsIgnoreCase(endpoint.getScheme()) ? HttpClient.Version.HTTP_1_1
                        : HttpClient.Version.HTTP_2)
                .timeout(readTimeout)
                .header("Content-Type", "application/secevent+jwt")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(set, StandardCharsets.US_ASCII));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        AtomicInteger status = new AtomicInteger();
        CompletableFuture<HttpResponse<InputStream>> answer = client.sendAsync(request.build(), info -> {
            status.set(info.statusCode());
            return bodyOf(info.statusCode());
        });
        Instant deadline = clock.instant().plus(longest);
        try {
            HttpResponse<InputStream> response = answer.get(longest.toMillis(), TimeUnit.MILLISECONDS);
            try (InputStream body = response.body()) {
                // Only a 400's body matters; it is read with the rest of the time, so a trickle cannot hold the push.
                byte[] error = response.statusCode() == 400 ? readAtMost(body, deadline) : new byte[0];
                return outcome(response, error);
            }
        } catch (TimeoutException e) {
            answer.cancel(true);
            if (status.get() == ACCEPTED) {
                return new Delivered(); // accepted; only its (unasked-for) body was still coming
            }
            return new Failed("no answer within " + readTimeout.toSeconds() + " s", Optional.empty());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed("interrupted", Optional.empty());
        } catch (ExecutionException e) {
            if (status.get() == ACCEPTED) {
                return new Delivered(); // accepted; the connection failed while its body came
            }
            return new Failed(describe(e.getCause()), Optional.empty());
        } catch (IOException e) {
            return new Failed(describe(e), Optional.empty());
        }
    }

    /**
     * A 202's body is drained before the answer is handed over, so the connection is back in the
     * client's pool when the next push starts: streamed and merely closed, it often was not yet,
     * and about every fifth push opened a new connection. A 400's body is streamed, to be read up to
     * {@link #MAX_ERROR_BODY}; other bodies are not read.
     */
    private static HttpResponse.BodySubscriber<InputStream> bodyOf(int status) {
        return status == ACCEPTED
                ? HttpResponse.BodySubscribers.replacing(InputStream.nullInputStream())
                : HttpResponse.BodySubscribers.ofInputStream();
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
        if (status == ACCEPTED) {
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
