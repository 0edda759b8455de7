package dev.warden.adapter.http;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageRequest;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code Accept: text/csv} on a list route: every matching row as CSV ({@link CsvWriter}), streamed.
 * The export walks the list's own use case page by page with its keyset cursor, so it has the JSON
 * list's filters, order and authorization exactly, and holds one page at a time whatever the size:
 * each page is written and flushed before the next is read, and no database connection waits on a
 * slow client (each page is one short statement). A client that goes away stops the walk at the next
 * flush; that is logged at DEBUG only.
 *
 * <p>The first page is read before anything is sent, so a missing session, a bad filter or an
 * unreachable database is still a problem-details answer. A failure after that cannot change the
 * status any more: the connection is closed without the chunked body's end, so the client sees a
 * broken download, never a short file that looks whole.
 */
final class CsvExport {
    static final String MEDIA_TYPE = "text/csv";
    /** The largest page the lists allow (fewest statements per row), without the total nobody reads. */
    static final PageRequest PAGE = PageRequest.uncounted(PageRequest.MAX_LIMIT);
    private static final System.Logger LOG = System.getLogger(CsvExport.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int BUFFER_CHARS = 64 * 1024;

    private CsvExport() {
    }

    /** The pages of one export: the first for a null cursor, then the one after each {@code nextCursor}. */
    @FunctionalInterface
    interface Pages<T> {
        Page<T> after(String cursor);
    }

    /**
     * Whether the request asks for CSV rather than JSON, and marks the answer as depending on
     * {@code Accept}. See {@link #prefersCsv}.
     */
    static boolean requested(ServerRequest req, ServerResponse res) {
        res.headers().set(HeaderNames.VARY, "Accept");
        List<HttpMediaType> accepted;
        try {
            accepted = req.headers().acceptedTypes();
        } catch (RuntimeException e) {
            // An Accept header Helidon cannot parse asks for nothing in particular: the JSON default.
            return false;
        }
        return prefersCsv(accepted);
    }

    /**
     * CSV only when {@code text/csv} is named (a wildcard never selects it) with a quality above 0
     * and above that of {@code application/json} (named, {@code application/*} or {@code *}{@code /*},
     * whichever is highest). On a tie JSON wins when it is named too ({@code text/csv, application/json}:
     * the default stays), CSV when JSON is reached only by a wildcard ({@code text/csv, *}{@code /*}).
     */
    static boolean prefersCsv(List<HttpMediaType> accepted) {
        double csv = 0;
        double json = 0;
        boolean jsonNamed = false;
        for (HttpMediaType range : accepted) {
            String type = range.mediaType().type();
            String subtype = range.mediaType().subtype();
            double q = range.qualityFactor();
            if (type.equalsIgnoreCase("text") && subtype.equalsIgnoreCase("csv")) {
                csv = Math.max(csv, q);
            }
            boolean applicationType = type.equalsIgnoreCase("application") || type.equals("*");
            if (applicationType && (subtype.equalsIgnoreCase("json") || subtype.equals("*"))) {
                json = Math.max(json, q);
                jsonNamed |= subtype.equalsIgnoreCase("json");
            }
        }
        return csv > 0 && (csv > json || csv == json && !jsonNamed);
    }

    /**
     * Streams every row of {@code pages} as {@code warden-NAME-<UTC time>.csv}: a header row of
     * {@code columns}, then each item's {@code view} in those columns.
     */
    static <T> void send(ServerResponse res, String name, CsvColumns columns, Pages<T> pages,
                         Function<T, Map<String, Object>> view) {
        Page<T> page = pages.after(null);
        res.status(Status.OK_200);
        res.headers().set(HeaderNames.CACHE_CONTROL, "no-store");
        res.headers().set(HeaderNames.CONTENT_TYPE, MEDIA_TYPE + "; charset=utf-8");
        res.headers().set(HeaderNames.CONTENT_DISPOSITION,
                "attachment; filename=\"warden-" + name + "-" + STAMP.format(CLOCK.instant()) + ".csv\"");
        ClientStream out = new ClientStream(res.outputStream());
        long rows = 0;
        try {
            out.record(columns.names());
            while (true) {
                for (T item : page.items()) {
                    out.record(columns.cells(view.apply(item)));
                }
                rows += page.items().size();
                out.flush();
                if (page.nextCursor() == null || page.items().size() < page.limit()) {
                    break;
                }
                page = next(pages, page.nextCursor(), name, rows);
            }
            // Only here, after the last row: closing writes the end of the chunked body.
            out.close();
        } catch (ClientGone e) {
            long written = rows;
            LOG.log(Level.DEBUG, () -> "CSV export of " + name + " stopped after " + written
                    + " rows: the client went away (" + e.getCause().getClass().getSimpleName() + ")");
            throw new CloseConnectionException("client went away during a CSV export", e);
        }
    }

    private static <T> Page<T> next(Pages<T> pages, String cursor, String name, long rows) {
        try {
            return pages.after(cursor);
        } catch (RuntimeException e) {
            // The status went out with the first page: closing the connection before the body's end is
            // the one way left to say "failed" (the stream is deliberately not closed, which would end it).
            LOG.log(Level.WARNING, "CSV export of " + name + " failed after " + rows + " rows ("
                    + e.getClass().getSimpleName() + "); closing the connection, so the download shows as broken");
            throw new CloseConnectionException("CSV export failed", e);
        }
    }

    /** The response body as CSV; any failure to write it means the client is gone. */
    private static final class ClientStream {
        private final Writer writer;
        private final CsvWriter csv;

        ClientStream(OutputStream out) {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
            this.csv = new CsvWriter(writer);
        }

        void record(List<String> fields) {
            try {
                csv.record(fields);
            } catch (IOException | RuntimeException e) {
                throw new ClientGone(e);
            }
        }

        void flush() {
            try {
                writer.flush();
            } catch (IOException | RuntimeException e) {
                throw new ClientGone(e);
            }
        }

        void close() {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                throw new ClientGone(e);
            }
        }
    }

    /** Writing to the client failed: it closed the connection (or the network did). */
    private static final class ClientGone extends RuntimeException {
        ClientGone(Throwable cause) {
            super(null, cause, false, false);
        }
    }
}
