package com.flowmatik.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a path is one the API serves (by any method): the controllers' mappings, the sockets,
 * Actuator and MCP. Any other path is answered 404 before authentication is asked for, so that a caller
 * without a token is not told to sign in for something that does not exist.
 */
@Component
class KnownPaths {

    private static final String[] SERVED_ELSEWHERE = {"/ws", "/actuator", "/mcp"};

    private final HandlerMapping controllers;

    KnownPaths(@Qualifier("requestMappingHandlerMapping") HandlerMapping controllers) {
        this.controllers = controllers;
    }

    boolean isKnown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : SERVED_ELSEWHERE) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception anotherMethodOrMediaType) {
            // the path is mapped, for another method or media type: it exists
            return true;
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
