package com.flowmatik.app.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report as a problem instead of an HTML page, for the requests Tomcat refuses before
 * the application sees them (an encoded slash, an invalid path). Tomcat makes it by its class name.
 */
public class ProblemErrorValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri().toString());
        problem.put("title", type.title());
        problem.put("status", status);
        problem.put("detail", type.title());
        try {
            SecurityHeaders.set(response::setHeader);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            OutputStream out = response.getOutputStream();
            out.write(JSON.writeValueAsBytes(problem));
            out.flush();
        } catch (IOException | IllegalStateException clientGoneOrCommitted) {
            // nothing more can be said on this connection
        }
    }
}
