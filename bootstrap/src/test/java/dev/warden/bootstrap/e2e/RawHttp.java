package dev.warden.bootstrap.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, for what a well-behaved client library refuses to
 * send: broken percent-encoding, invalid chunk sizes, control bytes in headers. Every request asks
 * for {@code Connection: close} and is answered once.
 */
final class RawHttp {
    private static final int TIMEOUT_MILLIS = 20_000;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** One answer; {@code headers} keys are lower case, {@code raw} is everything received. */
    record Response(int status, Map<String, List<String>> headers, String body, String raw) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            return raw.length() > 2000 ? raw.substring(0, 2000) + "..." : raw;
        }
    }

    /**
     * @param head    request line and headers without the final empty line and without Host or
     *                Connection (added here), lines separated by CRLF
     * @param body    sent as is after the head; null for none
     * @param from    local address to send from (any 127.x.y.z), or null
     */
    Response exchange(String head, byte[] body, String from) {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((head + "\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.writeBytes(body);
            }
            try {
                socket.getOutputStream().write(request.toByteArray());
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer and close before reading a large body; the answer still counts.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT_MILLIS + " ms to: " + abbreviate(head), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one answer: its head, then as many body bytes as its framing says (Helidon does not
     * always close at once after {@code Connection: close}), or up to the end of the stream.
     */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int headEnd = -1;
            while (headEnd < 0) {
                int b = in.read();
                if (b < 0) {
                    return out.toByteArray();
                }
                out.write(b);
                headEnd = out.size() >= 4 && endsWithBlankLine(out.toByteArray()) ? out.size() : -1;
            }
            String head = out.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
            if (length.find()) {
                out.writeBytes(in.readNBytes(Integer.parseInt(length.group(1))));
            } else if (head.contains("\r\ntransfer-encoding: chunked")) {
                byte[] end = "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
                int matched = 2;
                int b;
                // The body's first chunk-size line follows the head directly, so "0\r\n\r\n" after any CRLF ends it.
                while (matched < end.length && (b = in.read()) >= 0) {
                    out.write(b);
                    matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
                }
            } else {
                out.writeBytes(in.readAllBytes());
            }
        } catch (java.net.SocketException e) {
            // A reset after the answer (the server closed with our body unread) ends the stream too.
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    private static boolean endsWithBlankLine(byte[] bytes) {
        int n = bytes.length;
        return bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    private static Response parse(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("not an HTTP/1.1 answer: " + abbreviate(raw));
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        byte[] body = encoding.stream().anyMatch(v -> v.equalsIgnoreCase("chunked")) ? dechunk(rest) : rest;
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8), raw);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("broken chunked answer");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
