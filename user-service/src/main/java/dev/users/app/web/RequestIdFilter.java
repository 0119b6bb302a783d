package dev.users.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The first filter of every request (all paths, health and docs included): settles the request's id
 * ({@link RequestIds}), echoes it in the {@code X-Request-Id} response header, and puts it in the logging MDC for
 * the request's duration, so that every log line, every error body and every event's metadata carry the same id.
 * Registered by {@link RequestIdConfiguration}, before CORS and authentication, whose refusals carry it too.
 */
public class RequestIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.of(request);
        response.setHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
