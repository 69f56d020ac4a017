package com.flowmatik.app.auth;

import com.flowmatik.api.identity.Credentials;
import com.flowmatik.api.identity.FindCredentials;
import com.flowmatik.api.identity.FindUser;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserView;
import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Asks the users read model, through the query bus, who a user is and how they sign in. */
@Component
public class UserDirectory {

    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(10);

    private final QueryGateway queries;

    public UserDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<UserView> find(UserId userId) {
        return queries.query(new FindUser(userId), ResponseTypes.optionalInstanceOf(UserView.class)).join();
    }

    public Optional<Credentials> credentials(String email) {
        return queries.query(new FindCredentials(email), ResponseTypes.optionalInstanceOf(Credentials.class))
                .join();
    }

    /**
     * Runs {@code change} and answers the user as soon as the read model shows them, so that a
     * client that just signed up can read its own account at once.
     */
    public UserView afterChange(UserId userId, Runnable change) {
        try (SubscriptionQueryResult<Optional<UserView>, UserView> result = queries.subscriptionQuery(
                new FindUser(userId),
                ResponseTypes.optionalInstanceOf(UserView.class),
                ResponseTypes.instanceOf(UserView.class))) {
            change.run();
            UserView user = result.initialResult()
                    .flatMap(Mono::justOrEmpty)
                    .switchIfEmpty(result.updates().next())
                    .timeout(READ_MODEL_WAIT, Mono.empty())
                    .block();
            if (user != null) {
                return user;
            }
        }
        return find(userId).orElseThrow(() -> new ApiProblem(
                ProblemType.SERVICE_UNAVAILABLE, "The account was created but is not readable yet; sign in shortly"));
    }
}
