package dev.users.query.history;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.directory.UserRow;
import dev.users.query.v3.V3UserRenderer;
import dev.users.query.v4.V4UserRenderer;
import dev.users.web.Caller;
import dev.users.web.PrefixIds;
import dev.users.web.Timestamps;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code GET /api/v4/users/:id} and {@code GET /v3/settings/users/:id} with {@code as_of} or
 * {@code as_of_version}: the user as that surface showed it then, rebuilt from the events, plus
 * {@code removed_at} when the events removed it. Mapped by the parameters' presence, so the ordinary retrieve
 * (in the surfaces' own controllers) is not touched; both parameters together map here too and are a 422.
 */
@RestController
public class PastStateController {

    private final PastStates states;

    public PastStateController(PastStates states) {
        this.states = states;
    }

    @GetMapping(path = "/api/v4/users/{id}", params = AsOf.AS_OF)
    public Map<String, Object> v4At(Caller caller, @PathVariable("id") String id,
                                    @RequestParam MultiValueMap<String, String> params) {
        return render(caller, id, params, V4UserRenderer::render);
    }

    @GetMapping(path = "/api/v4/users/{id}", params = AsOf.AS_OF_VERSION)
    public Map<String, Object> v4AtVersion(Caller caller, @PathVariable("id") String id,
                                           @RequestParam MultiValueMap<String, String> params) {
        return render(caller, id, params, V4UserRenderer::render);
    }

    @GetMapping(path = "/api/v4/users/{id}", params = {AsOf.AS_OF, AsOf.AS_OF_VERSION})
    public Map<String, Object> v4Both(Caller caller, @PathVariable("id") String id,
                                      @RequestParam MultiValueMap<String, String> params) {
        return render(caller, id, params, V4UserRenderer::render);
    }

    @GetMapping(path = "/v3/settings/users/{id}", params = AsOf.AS_OF)
    public Map<String, Object> v3At(Caller caller, @PathVariable("id") String id,
                                    @RequestParam MultiValueMap<String, String> params) {
        return render(caller, id, params, V3UserRenderer::render);
    }

    @GetMapping(path = "/v3/settings/users/{id}", params = AsOf.AS_OF_VERSION)
    public Map<String, Object> v3AtVersion(Caller caller, @PathVariable("id") String id,
                                           @RequestParam MultiValueMap<String, String> params) {
        return render(caller, id, params, V3UserRenderer::render);
    }

    @GetMapping(path = "/v3/settings/users/{id}", params = {AsOf.AS_OF, AsOf.AS_OF_VERSION})
    public Map<String, Object> v3Both(Caller caller, @PathVariable("id") String id,
                                      @RequestParam MultiValueMap<String, String> params) {
        return render(caller, id, params, V3UserRenderer::render);
    }

    private Map<String, Object> render(Caller caller, String id, MultiValueMap<String, String> params,
                                       Function<UserRow, Map<String, Object>> renderer) {
        AsOf asOf = AsOf.parse(params);
        UUID userId = PrefixIds.parse(PrefixIds.USER, id).orElseThrow(() -> notFound(id));
        return states.of(caller.accountId(), userId, asOf).map(state -> {
            Map<String, Object> user = renderer.apply(state.row());
            if (state.removedAt() != null) {
                user.put("removed_at", Timestamps.of(state.removedAt()));
            }
            return user;
        }).orElseThrow(() -> notFound(id));
    }

    private static UsersException notFound(String id) {
        return new UsersException(ErrorCode.NOT_FOUND, "user " + id + " not found");
    }
}
