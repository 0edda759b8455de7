package dev.warden.application.port.in;

/** The Users page. */
public interface ListUsersUseCase {
    Page<UserSummary> list(UserQuery query, Actor actor);
}
