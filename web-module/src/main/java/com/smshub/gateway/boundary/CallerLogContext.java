package com.smshub.gateway.boundary;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.smshub.kernel.LogContext;

/**
 * Every log line written while a SOAP call or an admin request is served names its caller (the {@code tenant} or
 * {@code operator} of the log context, docs/operations.md "Logs"), as the container authenticated it.
 */
public class CallerLogContext extends HttpFilter {

    static final String OPERATOR = "operator";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = request.getServletPath().startsWith("/admin") ? OPERATOR : LogContext.TENANT;
        try (LogContext context = LogContext.of(key, request.getRemoteUser())) {
            chain.doFilter(request, response);
        }
    }
}
