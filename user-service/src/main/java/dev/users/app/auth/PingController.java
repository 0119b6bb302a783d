package dev.users.app.auth;

import dev.users.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IMCO's ping resource, the call its API overview shows first ({@code curl --cacert ca.crt --key api.key --cert
 * api.crt https://…/v3/ping}): a way to check that a client's credentials work. IMCO documents no answer; this one
 * says whose they are.
 */
@RestController
public class PingController {

    @GetMapping("/v3/ping")
    Map<String, Object> ping(Caller caller) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "ok");
        json.put("customer_id", caller.accountId().toString());
        return json;
    }
}
