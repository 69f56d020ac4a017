package com.flowmatik.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.socket.server.HandshakeHandler;

/**
 * Errors the servlet container answers itself, in the API's one format: those it forwards to
 * {@code /error} (a filter's {@code sendError}), and those it refuses before any application code
 * runs, such as an encoded slash in the path, through {@link ProblemErrorValve}.
 */
@Controller
class ContainerErrors implements ErrorController {

    @RequestMapping("/error")
    @ResponseBody
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        ProblemType type = ProblemType.forStatus(status);
        return ResponseEntity.status(status).body(Problems.of(type, type.title()));
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            }
        });
    }

    @Bean
    HandshakeHandler problemHandshakes(EdgeProblems edge) {
        return edge.handshakeRefusals();
    }
}
