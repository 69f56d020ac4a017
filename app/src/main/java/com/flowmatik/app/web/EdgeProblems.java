package com.flowmatik.app.web;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem answers for the refusals made before any controller runs, which Spring would otherwise
 * answer in formats of their own: the firewall's (a path with {@code //}, {@code ;}, {@code ..} or an
 * encoded slash), a refused CORS origin, a WebSocket handshake that is not one. They carry the same
 * security headers as every other answer, since the filter that sets those may not have run.
 */
@Component
public class EdgeProblems {

    private final ProblemWriter problems;
    private final JsonMapper json;

    public EdgeProblems(ProblemWriter problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    /** The firewall's refusals: a 400 problem instead of Spring's default error page. */
    public RequestRejectedHandler firewallRefusals() {
        return (request, response, rejected) -> problems.write(
                response, Problems.of(ProblemType.MALFORMED_REQUEST, "The request path is not accepted"));
    }

    /** A CORS check that refuses the origin: a 403 problem instead of plain text. */
    public DefaultCorsProcessor corsRefusals() {
        return new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(org.springframework.http.server.ServerHttpResponse response)
                    throws IOException {
                write(response, Problems.of(ProblemType.FORBIDDEN, "This origin may not call the API"));
            }
        };
    }

    /** Handshakes that are not WebSocket upgrades: a 400 problem instead of plain text. */
    public DefaultHandshakeHandler handshakeRefusals() {
        return new DefaultHandshakeHandler() {
            @Override
            protected void handleInvalidUpgradeHeader(
                    org.springframework.http.server.ServerHttpRequest request, ServerHttpResponse response)
                    throws IOException {
                write(
                        response,
                        Problems.of(ProblemType.MALFORMED_REQUEST, "This endpoint takes WebSocket upgrades only"));
            }

            @Override
            protected void handleInvalidConnectHeader(
                    org.springframework.http.server.ServerHttpRequest request, ServerHttpResponse response)
                    throws IOException {
                write(
                        response,
                        Problems.of(ProblemType.MALFORMED_REQUEST, "This endpoint takes WebSocket upgrades only"));
            }
        };
    }

    private void write(ServerHttpResponse response, ProblemDetail problem) throws IOException {
        SecurityHeaders.set(response.getHeaders()::set);
        response.setStatusCode(org.springframework.http.HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(json.writeValueAsBytes(problem));
        response.flush();
    }
}
