package dev.warden.adapter.http;

import dev.warden.application.port.in.Page;
import dev.warden.application.port.in.PageRequest;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import java.util.function.Function;

/**
 * The answer of a list with keyset paging (Sessions, Auth Audit): its JSON page, or, when the request
 * asks for {@code text/csv}, every row as a CSV export ({@link CsvExport}). Both come from the route's
 * one {@link Lister}, so the export has the page's filters, order and authorization exactly; only
 * the paging parameters differ (the export ignores them and walks the whole list).
 */
final class KeysetListAnswer {
    private KeysetListAnswer() {
    }

    /** A page of the route's list for the request's filters: {@code page} rows after {@code cursor} (null: from the start). */
    @FunctionalInterface
    interface Lister<T> {
        Page<T> list(PageRequest page, String cursor);
    }

    static <T> void send(ServerRequest req, ServerResponse res, String exportName, CsvColumns columns,
                         Lister<T> lister, Function<T, Map<String, Object>> view, Views views) {
        if (CsvExport.requested(req, res)) {
            CsvExport.send(res, exportName, columns, cursor -> lister.list(CsvExport.PAGE, cursor), view);
            return;
        }
        Page<T> page = lister.list(Params.page(req), Params.nonBlank(req, "cursor").orElse(null));
        Responses.json(res, Status.OK_200, views.page(page, view, true));
    }
}
