package dev.users.app.auth;

import dev.users.app.ServiceSettings;
import dev.users.web.Caller.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * On the first start creates the default account and an API key for it, and prints the key once (only its hash is
 * kept). {@code USERS_BOOTSTRAP_API_KEY} makes that key a given value instead, and is added to the default account
 * on later starts too, so scripts can rely on it. That key is the operator's: it alone creates and lists accounts. Then prints where the service listens.
 */
@Component
public class BootstrapAccount {

    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final String bootstrapKey;
    private final String defaultRegion;

    public BootstrapAccount(Accounts accounts, ApiKeys apiKeys,
                            @Value("${USERS_BOOTSTRAP_API_KEY:}") String bootstrapKey, ServiceSettings settings) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.bootstrapKey = bootstrapKey.isBlank() ? null : bootstrapKey.trim();
        this.defaultRegion = settings.defaultRegion();
    }

    /** The bootstrap key: an admin key of the default account that is also the operator's (it manages accounts). */
    private String operatorKey(UUID account) {
        return apiKeys.issue(account, "bootstrap", bootstrapKey, Scope.ADMIN, null, true).secret();
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        String printedKey = null;
        UUID account = accounts.first().orElse(null);
        if (account == null) {
            account = accounts.create("default", defaultRegion);
            printedKey = operatorKey(account);
        } else if (bootstrapKey != null && !apiKeys.exists(bootstrapKey)) {
            printedKey = operatorKey(account);
        }
        WebServer server = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer() : null;
        int port = server == null ? -1 : server.getPort();
        boolean https = server instanceof TomcatWebServer tomcat && tomcat.getTomcat().getConnector().getSecure();
        System.out.println();
        System.out.println("Users service listening on " + (https ? "https" : "http") + "://localhost:" + port
                + "  (account " + account + ")");
        if (printedKey != null) {
            System.out.println("API key (shown once, keep it): " + printedKey);
            System.out.println("Authenticate with:  -H 'Authorization: Bearer " + printedKey + "'");
        } else {
            System.out.println("Authenticate with:  -H 'Authorization: Bearer <the key printed at first start, or "
                    + "USERS_BOOTSTRAP_API_KEY>'");
        }
        System.out.println();
    }
}
