package com.flowmatik.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every operator endpoint, found in the application's own request mappings (so one added later is
 * covered too), refuses a signed-in user with 403 and a caller without a token with 401.
 */
class AdminAccessIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping") private RequestMappingHandlerMapping mappings;

    @Test
    void aUserGets403AndNobody401OnEveryAdminEndpoint() {
        String user = api.register(uniqueEmail("not-admin"), "not-admin-password", "Nat");
        List<String[]> endpoints = adminEndpoints();

        assertThat(endpoints)
                .extracting(endpoint -> endpoint[1])
                .contains(
                        "/api/admin/dashboard",
                        "/api/admin/users",
                        "/api/admin/metrics",
                        "/api/admin/health",
                        "/api/admin/logs",
                        "/api/admin/notifications",
                        "/api/admin/replay",
                        "/api/admin/audit/users/{userId}/billing-history",
                        "/api/webhooks/stats",
                        "/api/webhooks/retry");
        for (String[] endpoint : endpoints) {
            String path = endpoint[1].replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            Response asUser = call(endpoint[0], path, user);
            Response anonymous = call(endpoint[0], path, null);

            assertThat(asUser.status()).as("%s %s as a user", endpoint[0], path).isEqualTo(403);
            assertThat(anonymous.status())
                    .as("%s %s without a token", endpoint[0], path)
                    .isEqualTo(401);
        }
    }

    private List<String[]> adminEndpoints() {
        List<String[]> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> mapping :
                mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                boolean operators = pattern.startsWith("/api/admin/")
                        || pattern.equals("/api/webhooks/stats")
                        || pattern.equals("/api/webhooks/retry");
                if (!operators) {
                    continue;
                }
                for (RequestMethod method :
                        mapping.getKey().getMethodsCondition().getMethods()) {
                    endpoints.add(new String[] {method.name(), pattern});
                }
            }
        }
        return endpoints;
    }

    private Response call(String method, String path, String token) {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        return api.send(api.request(path, token)
                .header("Content-Type", "application/json")
                .method(method, body));
    }
}
