package dev.warden.adapter.http;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.accounts.ChangeRoleUseCase;
import dev.warden.application.port.in.accounts.CreateUserUseCase;
import dev.warden.application.port.in.accounts.DisableUserUseCase;
import dev.warden.application.port.in.accounts.EnableUserUseCase;
import dev.warden.application.port.in.accounts.ListUsersUseCase;
import dev.warden.application.port.in.accounts.ResetPasswordUseCase;
import dev.warden.application.port.in.accounts.UnlockUserUseCase;
import dev.warden.application.port.in.accounts.UserQuery;
import dev.warden.application.port.in.accounts.UserSummary;
import dev.warden.domain.Role;
import dev.warden.domain.UserId;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/admin/users}: the Users page, creating accounts, lifting lockouts, and the account
 * lifecycle (disable, enable, role, password reset). Who may do what to whom is the use cases' call.
 */
record UsersAdminRoutes(ListUsersUseCase list, CreateUserUseCase create, UnlockUserUseCase unlock,
        Lifecycle lifecycle, Authenticator authenticator, Views views) implements ApiRoutes {

    static final String USERS = "/api/admin/users";
    static final String UNLOCK = "/api/admin/users/{id}/unlock";
    static final String DISABLE = "/api/admin/users/{id}/disable";
    static final String ENABLE = "/api/admin/users/{id}/enable";
    static final String ROLE = "/api/admin/users/{id}/role";
    static final String PASSWORD = "/api/admin/users/{id}/password";

    /** The account-lifecycle use cases, kept together to keep the constructor short. */
    record Lifecycle(DisableUserUseCase disable, EnableUserUseCase enable, ChangeRoleUseCase changeRole,
                     ResetPasswordUseCase resetPassword) {
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(Method.GET, USERS, this::list),
                new ApiRoute(Method.POST, USERS, this::create),
                new ApiRoute(Method.POST, UNLOCK, this::unlock),
                new ApiRoute(Method.POST, DISABLE, this::disable),
                new ApiRoute(Method.POST, ENABLE, this::enable),
                new ApiRoute(Method.PUT, ROLE, this::changeRole),
                new ApiRoute(Method.POST, PASSWORD, this::resetPassword));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        UserQuery query = new UserQuery(Params.page(req), Params.nonBlank(req, "q").orElse(null));
        Responses.json(res, Status.OK_200, views.page(list.list(query, actor), u -> views.user(u, actor), false));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        JsonBody body = JsonBody.read(req, Set.of("username", "password", "role"));
        String username = body.requiredString("username");
        String password = body.requiredPassword("password");
        Role role = role(body.requiredString("role"));
        UserSummary created = create.create(username, password, role, actor);
        Responses.json(res, Status.CREATED_201, views.user(created, actor));
    }

    private void unlock(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        unlock.unlock(Params.userIdPath(req), actor);
        Responses.noContent(res);
    }

    private void disable(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        int terminated = lifecycle.disable().disable(Params.userIdPath(req), actor);
        Responses.json(res, Status.OK_200, Map.of("terminated", terminated));
    }

    private void enable(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        lifecycle.enable().enable(Params.userIdPath(req), actor);
        Responses.noContent(res);
    }

    private void changeRole(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        UserId userId = Params.userIdPath(req);
        Role role = role(JsonBody.read(req, Set.of("role")).requiredString("role"));
        Responses.json(res, Status.OK_200, views.user(lifecycle.changeRole().changeRole(userId, role, actor), actor));
    }

    private void resetPassword(ServerRequest req, ServerResponse res) {
        Actor actor = authenticator.requireAdministrator(req);
        UserId userId = Params.userIdPath(req);
        String password = JsonBody.read(req, Set.of("password")).requiredPassword("password");
        int terminated = lifecycle.resetPassword().resetPassword(userId, password, actor);
        Responses.json(res, Status.OK_200, Map.of("terminated", terminated));
    }

    private static Role role(String text) {
        for (Role role : Role.values()) {
            if (role.name().equals(text)) {
                return role;
            }
        }
        throw new InvalidRequest("Field 'role' must be one of ADMIN, USER.");
    }
}
