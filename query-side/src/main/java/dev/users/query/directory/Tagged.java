package dev.users.query.directory;

import dev.users.web.EntityTags;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * A user read answered with its version as the {@code ETag}. Spring MVC answers a {@code GET} whose
 * {@code If-None-Match} names that tag with a 304 and no body by itself (HttpEntityMethodProcessor).
 */
public final class Tagged {

    private Tagged() {
    }

    public static ResponseEntity<Map<String, Object>> ok(UserRow row, Map<String, Object> body) {
        return ResponseEntity.ok().eTag(EntityTags.of(row.version())).body(body);
    }
}
