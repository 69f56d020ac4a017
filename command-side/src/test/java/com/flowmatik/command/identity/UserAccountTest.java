package com.flowmatik.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import com.flowmatik.api.identity.ApiKeyCreated;
import com.flowmatik.api.identity.PasswordResetRequested;
import com.flowmatik.api.identity.PlanChanged;
import com.flowmatik.api.identity.RegisterUser;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.refusal.Refusal;
import com.flowmatik.command.refusal.RefusalInterceptor;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of opening an account, as {@link UserRegistration} and {@link UserAccount} enforce them. */
class UserAccountTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final String BCRYPT_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

    private final Set<String> emailsInUse = new HashSet<>();
    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerAnnotatedCommandHandler(new UserRegistration(registryOf(emailsInUse), fixture.getRepository()));
    }

    @Test
    void registrationRecordsTheNormalisedEmailTheStrippedNameAndTheTimeFromTheCommand() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "  Ada@Example.COM ", "  Ada Lovelace\t", BCRYPT_HASH, Role.USER, NOW))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ADA)
                .expectEvents(new UserRegistered(ADA, "ada@example.com", "Ada Lovelace", BCRYPT_HASH, Role.USER, NOW));
    }

    @Test
    void aRegistrationWithoutARoleGivesTheUserRole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "ada@example.com", "Ada", BCRYPT_HASH, null, NOW))
                .expectEvents(new UserRegistered(ADA, "ada@example.com", "Ada", BCRYPT_HASH, Role.USER, NOW));
    }

    @Test
    void aRegistrationWithARoleKeepsIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "admin@example.com", "Administrator", BCRYPT_HASH, Role.ADMIN, NOW))
                .expectEvents(
                        new UserRegistered(ADA, "admin@example.com", "Administrator", BCRYPT_HASH, Role.ADMIN, NOW));
    }

    @Test
    void refusesAnEmailThatIsTakenWhateverItsCase() {
        emailsInUse.add("ada@example.com");

        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, " ADA@example.com", "Ada", BCRYPT_HASH, Role.USER, NOW))
                .expectException(refusal(ErrorCode.EMAIL_TAKEN))
                .expectNoEvents();
    }

    @Test
    void refusesAMalformedEmail() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "ada.example.com", "Ada", BCRYPT_HASH, Role.USER, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingEmail() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, null, "Ada", BCRYPT_HASH, Role.USER, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void refusesAnEmailLongerThan254Characters() {
        String tooLong = "a".repeat(243) + "@example.com";

        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, tooLong, "Ada", BCRYPT_HASH, Role.USER, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void refusesABlankName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "ada@example.com", " \t ", BCRYPT_HASH, Role.USER, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void refusesANameOfMoreThan100Characters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "ada@example.com", "A".repeat(101), BCRYPT_HASH, Role.USER, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void acceptsANameOf100CharactersOnceStripped() {
        String longest = "A".repeat(100);

        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "ada@example.com", "  " + longest + "  ", BCRYPT_HASH, Role.USER, NOW))
                .expectEvents(new UserRegistered(ADA, "ada@example.com", longest, BCRYPT_HASH, Role.USER, NOW));
    }

    @Test
    void refusesAPasswordThatIsNotABCryptHash() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "ada@example.com", "Ada", "correct horse battery staple", Role.USER, NOW))
                .expectException(refusal(ErrorCode.VALIDATION))
                .expectNoEvents();
    }

    @Test
    void aRefusalCrossesTheCommandBusAsACommandExecutionExceptionCarryingTheErrorCode() {
        fixture.registerCommandHandlerInterceptor(new RefusalInterceptor());
        emailsInUse.add("ada@example.com");

        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ADA, "ada@example.com", "Ada", BCRYPT_HASH, Role.USER, NOW))
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("An account with this e-mail already exists")
                .expectExceptionDetails(new Refusal(ErrorCode.EMAIL_TAKEN, null))
                .expectNoEvents();
    }

    @Test
    void aSnapshotOfAnAccountLoadsBackWithEveryField() {
        UserAccount account = new UserAccount();
        account.on(new UserRegistered(ADA, "ada@example.com", "Ada Lovelace", BCRYPT_HASH, Role.PREMIUM, NOW));
        account.on(new PasswordResetRequested(ADA, "ab".repeat(32), NOW.plusSeconds(1800), NOW));
        account.on(
                new PlanChanged(ADA, Plan.FREE, Plan.PRO, Plan.PRO.dailyLimits(), PaymentProvider.STRIPE, null, NOW));
        account.on(new ApiKeyCreated(ADA, "key-2", "CI", "fmk_AbCd", "ab".repeat(32), NOW));
        account.on(new ApiKeyCreated(ADA, "key-1", "Agent", "fmk_EfGh", "cd".repeat(32), NOW));
        Jackson3Serializer serializer = Jackson3Serializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .build();

        SerializedObject<byte[]> snapshot = serializer.serialize(account, byte[].class);
        UserAccount loaded = serializer.deserialize(snapshot);

        assertThat(account).hasNoNullFieldsOrProperties();
        assertThat(loaded).usingRecursiveComparison().isEqualTo(account);
    }

    private static Matcher<Object> refusal(ErrorCode code) {
        return allOf(
                instanceOf(BusinessRuleViolation.class),
                new FeatureMatcher<Object, ErrorCode>(equalTo(code), "a refusal with code", "code") {
                    @Override
                    protected ErrorCode featureValueOf(Object refusal) {
                        return ((BusinessRuleViolation) refusal).code();
                    }
                });
    }

    /** The registry as the handler uses it: only {@code existsById} is ever asked. */
    private static EmailRegistry registryOf(Set<String> emailsInUse) {
        return (EmailRegistry) Proxy.newProxyInstance(
                EmailRegistry.class.getClassLoader(), new Class<?>[] {EmailRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("existsById")) {
                        return emailsInUse.contains((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not expected in this test");
                });
    }
}
