package dev.warden.adapter.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.List;

/** A resource's routes, registered from the list it declares. */
abstract class ApiRoutes implements HttpService {

    abstract List<ApiRoute> routes();

    @Override
    public final void routing(HttpRules rules) {
        for (ApiRoute route : routes()) {
            rules.route(route.method(), route.path(), route.handler());
        }
    }
}
