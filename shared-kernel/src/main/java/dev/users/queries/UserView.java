package dev.users.queries;

import java.util.Map;

/** The answer to {@link FetchUserView}: the user as the surface shows it, and the version shown (its ETag). */
public record UserView(Map<String, Object> body, long version) {
}
