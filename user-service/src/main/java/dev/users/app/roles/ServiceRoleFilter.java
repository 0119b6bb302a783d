package dev.users.app.roles;

import dev.users.app.web.ApiPaths;
import dev.users.app.web.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Refuses, in the surface's error format, the API requests that are another role's: a write on a query node is a
 * 405 (the resource is there, this method is not, here), a read on a command node a 404 (nothing to read here).
 * Before authentication: a misrouted request says so whatever its key.
 */
class ServiceRoleFilter extends ApiPaths.Filter {

    private final ServiceRole role;
    private final JsonMapper json;

    ServiceRoleFilter(ServiceRole role, JsonMapper json) {
        this.role = role;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (role.serves(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        int status = role == ServiceRole.QUERY ? 405 : 404;
        if (status == 405) {
            response.setHeader("Allow", "GET, HEAD");
        }
        ErrorBodies.write(response, json, request.getRequestURI(), status, "this node (users.role=" + role.setting()
                + ") does not serve " + request.getMethod() + " requests; send them to a node of role all or "
                + (role == ServiceRole.QUERY ? "command" : "query"));
    }
}
