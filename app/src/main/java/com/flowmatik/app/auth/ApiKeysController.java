package com.flowmatik.app.auth;

import com.flowmatik.api.identity.ApiKeySummary;
import com.flowmatik.api.identity.CreateApiKey;
import com.flowmatik.api.identity.FindApiKeys;
import com.flowmatik.api.identity.RevokeApiKey;
import com.flowmatik.app.security.ApiKeys;
import com.flowmatik.app.security.AuthenticatedUser;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/auth/api-keys}: a signed-in user's keys for programs and agents. The key is made
 * here and shown once; the account records only its hash and decides whether the plan allows it.
 * A key itself cannot call these endpoints.
 */
@RestController
@RequestMapping("/api/auth/api-keys")
class ApiKeysController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ApiKeys keys;
    private final Clock clock;
    private final IdGenerator ids;

    ApiKeysController(CommandGateway commands, QueryGateway queries, ApiKeys keys, Clock clock, IdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.keys = keys;
        this.clock = clock;
        this.ids = ids;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NewApiKeyResponse create(
            @AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody ApiKeyRequest request) {
        ApiKeys.NewApiKey key = keys.issue();
        String keyId = ids.generateId().toString();
        Instant now = clock.instant();
        commands.sendAndWait(new CreateApiKey(caller.userId(), keyId, request.name(), key.prefix(), key.hash(), now));
        return new NewApiKeyResponse(keyId, request.name().strip(), key.key(), key.prefix(), now);
    }

    @GetMapping
    List<ApiKeySummary> list(@AuthenticationPrincipal AuthenticatedUser caller) {
        return queries.query(new FindApiKeys(caller.userId()), ResponseTypes.multipleInstancesOf(ApiKeySummary.class))
                .join();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
        commands.sendAndWait(new RevokeApiKey(caller.userId(), id, clock.instant()));
    }
}
