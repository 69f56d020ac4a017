package com.flowmatik.app.auth;

import com.flowmatik.api.identity.AccountStatus;
import com.flowmatik.api.identity.Credentials;
import com.flowmatik.api.identity.FindAccountStatus;
import com.flowmatik.api.identity.FindCredentials;
import com.flowmatik.api.identity.FindUser;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserView;
import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Asks the users read model, through the query bus, who a user is and how they sign in. */
@Component
public class UserDirectory {

    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(10);
    static final long POLL_MILLIS = 100;

    private final QueryGateway queries;

    public UserDirectory(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<UserView> find(UserId userId) {
        return queries.query(new FindUser(userId), ResponseTypes.optionalInstanceOf(UserView.class))
                .join();
    }

    public Optional<Credentials> credentials(String email) {
        return credentials(FindCredentials.byEmail(email));
    }

    public Optional<Credentials> credentials(UserId userId) {
        return credentials(FindCredentials.byUserId(userId));
    }

    private Optional<Credentials> credentials(FindCredentials query) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(Credentials.class))
                .join();
    }

    public Optional<AccountStatus> status(UserId userId) {
        return queries.query(new FindAccountStatus(userId), ResponseTypes.optionalInstanceOf(AccountStatus.class))
                .join();
    }

    /**
     * Answers the user once the read model shows a change made at {@code changedAt} (its
     * {@code updatedAt} has reached it), so that a caller reads its own write. The subscription sees
     * the state when it starts and every update this process's projection emits after; when another
     * instance's projection holds the user's segment, no update arrives here, so the read model is
     * also asked again every {@value #POLL_MILLIS} ms.
     */
    public UserView awaitChange(UserId userId, Instant changedAt) {
        Instant mark = changedAt.truncatedTo(ChronoUnit.MICROS);
        return awaitView(userId, view -> !view.updatedAt().isBefore(mark));
    }

    /**
     * Answers the user once the read model shows what {@code caughtUp} expects: for a change whose
     * events land in more than one row update (a plan change: the account's, then the usage account's).
     */
    public UserView awaitView(UserId userId, Predicate<UserView> caughtUp) {
        try (SubscriptionQueryResult<Optional<UserView>, UserView> result = queries.subscriptionQuery(
                new FindUser(userId),
                ResponseTypes.optionalInstanceOf(UserView.class),
                ResponseTypes.instanceOf(UserView.class))) {
            Flux<UserView> polled = Flux.interval(Duration.ofMillis(POLL_MILLIS))
                    .concatMap(tick -> Mono.fromFuture(queries.query(
                                    new FindUser(userId), ResponseTypes.optionalInstanceOf(UserView.class)))
                            .flatMap(Mono::justOrEmpty));
            UserView user = result.initialResult()
                    .flatMap(Mono::justOrEmpty)
                    .concatWith(Flux.merge(result.updates(), polled))
                    .filter(caughtUp)
                    .next()
                    .timeout(READ_MODEL_WAIT, Mono.empty())
                    .block();
            if (user != null) {
                return user;
            }
        }
        throw new ApiProblem(
                ProblemType.SERVICE_UNAVAILABLE, "The change is recorded but not readable yet; read again shortly");
    }

    /** {@link #awaitChange} when the command changed something, the user as they are otherwise. */
    public UserView afterCommand(UserId userId, Instant changedAt, boolean changed) {
        if (changed) {
            return awaitChange(userId, changedAt);
        }
        return find(userId).orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "No such user"));
    }
}
