package com.flowmatik.app.mcp;

import com.flowmatik.app.security.AuthenticatedUser;
import com.flowmatik.app.sides.ConditionalOnSide;
import com.flowmatik.app.sides.Side;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * MCP over the Streamable HTTP transport at {@value #ENDPOINT}, with the official MCP Java SDK.
 * Stateless: every POST carries its own credentials and no session lives on an instance, so any
 * instance behind the load balancer answers any call. The security filter chain has authenticated
 * the caller (API key or bearer token, 401 without) before the servlet runs; the caller is handed to
 * the tools in the transport context. Needs the command side, whose services chat and generation use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSide(Side.COMMAND)
class McpConfiguration {

    static final String ENDPOINT = "/mcp";
    /** The transport-context key of the caller's {@link AuthenticatedUser}. */
    static final String CALLER = "flowmatik.caller";

    @Bean
    HttpServletStatelessServerTransport mcpTransport(JsonMapper json) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .messageEndpoint(ENDPOINT)
                .contextExtractor(request -> caller())
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
            HttpServletStatelessServerTransport transport) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(transport, ENDPOINT);
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(
            HttpServletStatelessServerTransport transport,
            JsonMapper json,
            McpTools tools,
            McpResources resources,
            ObjectProvider<BuildProperties> build) {
        McpJsonMapper mapper = new JacksonMcpJsonMapper(json);
        BuildProperties info = build.getIfAvailable();
        return McpServer.sync(transport)
                .serverInfo("flowmatik", info == null ? "dev" : info.getVersion())
                .jsonMapper(mapper)
                .instructions("Flowmatik's AI platform: chat and generate content metered against your plan's"
                        + " daily limits, and read your usage, conversations, invoices and subscription.")
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .resources(false, false)
                        .build())
                .immediateExecution(true)
                .requestTimeout(Duration.ofMinutes(3))
                .tools(tools.specifications(mapper))
                .resources(resources.specifications(mapper))
                .build();
    }

    /** The authenticated caller of the request being served, as the security filter chain left it. */
    private static McpTransportContext caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
            return McpTransportContext.create(Map.of(CALLER, user));
        }
        return McpTransportContext.EMPTY;
    }
}
