package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.alarms.AcknowledgeAlarmUseCase;
import dev.warden.application.port.in.alarms.AlarmQuery;
import dev.warden.application.port.in.alarms.ListAlarmsUseCase;
import dev.warden.domain.Alarm;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/** {@code /api/admin/alarms}: the Alarms page and acknowledging an alarm. */
record AlarmsAdminRoutes(ListAlarmsUseCase list, AcknowledgeAlarmUseCase acknowledge,
        Authenticator authenticator, Views views) implements ApiRoutes {

    static final String ALARMS = "/api/admin/alarms";
    static final String ACKNOWLEDGE = "/api/admin/alarms/{id}/acknowledge";

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.GET, ALARMS, this::list),
                new ApiRoute(Method.POST, ACKNOWLEDGE, this::acknowledge));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        AlarmQuery query = new AlarmQuery(Params.page(req),
                Params.enumValue(req, "status", Alarm.Status.class).orElse(null));
        Responses.json(res, Status.OK_200, views.page(list.list(query, actor), views::alarm, false));
    }

    private void acknowledge(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        acknowledge.acknowledge(Params.uuidPath(req), actor);
        Responses.noContent(res);
    }
}
