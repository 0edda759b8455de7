package dev.warden.adapter.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.List;

/** A resource's routes, registered from the list it declares. */
interface ApiRoutes extends HttpService {

    List<ApiRoute> routes();

    @Override
    default void routing(HttpRules rules) {
        for (ApiRoute route : routes()) {
            rules.route(route.method(), route.path(), route.handler());
        }
    }
}
