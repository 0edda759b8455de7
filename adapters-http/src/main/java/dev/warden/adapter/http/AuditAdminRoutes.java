package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.audit.AuditQuery;
import dev.warden.application.port.in.audit.ListAuditEntriesUseCase;
import dev.warden.domain.AuditType;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/** {@code /api/admin/audit}: the Auth Audit page. */
record AuditAdminRoutes(ListAuditEntriesUseCase list, Authenticator authenticator, Views views) implements ApiRoutes {

    static final String AUDIT = "/api/admin/audit";

    @Override
    public List<ApiRoute> routes() {
        return List.of(new ApiRoute(Method.GET, AUDIT, this::list));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        AuditQuery query = new AuditQuery(Params.page(req), Params.userId(req).orElse(null),
                Params.enumValue(req, "type", AuditType.class).orElse(null));
        Responses.json(res, Status.OK_200, views.page(list.list(query, actor), views::auditEntry, false));
    }
}
