package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateUserUseCase;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.ListUsersUseCase;
import dev.warden.application.port.in.UnlockUserUseCase;
import dev.warden.application.port.in.UserQuery;
import dev.warden.application.port.in.UserSummary;
import dev.warden.domain.Role;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code /api/admin/users}: the Users page, creating accounts and lifting lockouts. */
final class UsersAdminService extends ApiService {
    static final String USERS = "/api/admin/users";
    static final String UNLOCK = "/api/admin/users/{id}/unlock";

    private final ListUsersUseCase list;
    private final CreateUserUseCase create;
    private final UnlockUserUseCase unlock;
    private final Authenticator authenticator;
    private final Views views;

    UsersAdminService(ListUsersUseCase list, CreateUserUseCase create, UnlockUserUseCase unlock,
                      Authenticator authenticator, Views views) {
        this.list = list;
        this.create = create;
        this.unlock = unlock;
        this.authenticator = authenticator;
        this.views = views;
    }

    @Override
    List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.GET, USERS, this::list),
                new ApiRoute(Method.POST, USERS, this::create),
                new ApiRoute(Method.POST, UNLOCK, this::unlock));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        UserQuery query = new UserQuery(Params.page(req), Params.nonBlank(req, "q").orElse(null));
        Responses.json(res, Status.OK_200, views.page(list.list(query, actor), views::user, false));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        JsonBody body = JsonBody.read(req, Set.of("username", "password", "role"));
        String username = body.requiredString("username");
        String password = body.requiredSecret("password");
        Role role = role(body.requiredString("role"));
        UserSummary created = create.create(username, password, role, actor);
        Responses.json(res, Status.CREATED_201, views.user(created));
    }

    private void unlock(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        unlock.unlock(Params.userIdPath(req), actor);
        Responses.noContent(res);
    }

    private static Role role(String text) {
        for (Role role : Role.values()) {
            if (role.name().equals(text)) {
                return role;
            }
        }
        throw new InvalidRequest("Field 'role' must be one of " + Arrays.toString(Role.values()) + ".");
    }
}
