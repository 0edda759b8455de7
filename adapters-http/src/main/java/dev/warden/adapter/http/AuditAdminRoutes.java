package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.PageCursor;
import dev.warden.application.port.in.PageRequest;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.in.audit.ListAuditEntriesUseCase;
import dev.warden.domain.AuditType;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * {@code /api/admin/audit}: the Auth Audit page, and {@code /api/admin/audit/types}, the types it
 * filters by (the domain's list, so the console never lists them by hand; no use case, since it
 * reads nothing but needs the same administrator as the list).
 */
record AuditAdminRoutes(ListAuditEntriesUseCase list, Authenticator authenticator, Views views) implements ApiRoutes {

    static final String AUDIT = "/api/admin/audit";
    static final String AUDIT_TYPES = "/api/admin/audit/types";

    @Override
    public List<ApiRoute> routes() {
        return List.of(new ApiRoute(Method.GET, AUDIT, this::list), new ApiRoute(Method.GET, AUDIT_TYPES, this::types));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        // The JSON page, or with Accept: text/csv every match (the paging parameters then do not apply).
        KeysetListAnswer.send(req, res, "audit", CsvColumns.AUDIT,
                (page, cursor) -> list.list(query(req, page, cursor), actor), views::auditEntry, views);
    }

    /** The list's filters, read in one place for the JSON page and the CSV export. */
    private static AuditQuery query(ServerRequest req, PageRequest page, String cursor) {
        return new AuditQuery(
                page,
                cursor == null ? null : PageCursor.decode(cursor),
                Params.userId(req).orElse(null),
                Params.nonBlank(req, "username").orElse(null),
                Params.ipAddress(req, "ip").orElse(null),
                Params.enumValues(req, "type", AuditType.class),
                Params.instant(req, "from").orElse(null),
                Params.instant(req, "to").orElse(null));
    }

    private void types(ServerRequest req, ServerResponse res) {
        authenticator.requireAdministrator(req);
        Responses.json(res, Status.OK_200, views.auditTypes());
    }
}
