package dev.users.query.v4;

import dev.users.query.signin.SignInRow;
import dev.users.web.Timestamps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/** A sign-in audit entry as v4 shows it; {@code id} is the id of the event that recorded the sign-in. */
public final class V4SignInRenderer {

    /** The entry's fields in order: the columns of the CSV export. */
    public static final List<String> COLUMNS = List.of("id", "user_id", "previous_sign_in_at", "signed_in_at",
            "recorded_at", "api_key_id");

    private V4SignInRenderer() {
    }

    public static Map<String, Object> render(SignInRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.eventId());
        json.put("user_id", row.userId().toString());
        json.put("previous_sign_in_at", Timestamps.of(row.previousSignInAt()));
        json.put("signed_in_at", Timestamps.of(row.signedInAt()));
        json.put("recorded_at", Timestamps.of(row.recordedAt()));
        json.put("api_key_id", row.apiKeyId());
        return json;
    }
}
